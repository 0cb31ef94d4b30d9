package dev.taskline.bootstrap.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

import static dev.taskline.bootstrap.api.ApiAssertions.assertUnauthenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every authenticated route refuses every request without a valid token of ours: 401,
 * {@code WWW-Authenticate: Bearer}, and nothing done.
 */
class TokenApiIT {
    @RegisterExtension
    static final ApiServer server = new ApiServer();
    static ApiClient api;
    static TestUser alice;
    static TestUser bob;
    static long alicesTask;
    static long alicesConversation;
    static ObjectNode alicesState;

    /** Ways to ask without a valid token; each would act as Alice if it were accepted. */
    enum BadCredentials {
        NO_AUTHORIZATION_HEADER,
        BASIC_SCHEME,
        BEARER_WITHOUT_A_TOKEN,
        GARBAGE_TOKEN,
        ALG_NONE,
        SIGNED_WITH_ANOTHER_SECRET,
        OTHER_USERS_TOKEN_WITH_SUB_CHANGED,
        EXPIRED_BEYOND_THE_LEEWAY,
        ANOTHER_ISSUER;

        String authorization() {
            Instant now = Instant.now();
            return switch (this) {
                case NO_AUTHORIZATION_HEADER -> null;
                case BASIC_SCHEME -> "Basic " + Base64.getEncoder().encodeToString((alice.email() + ":" + alice.password()).getBytes(StandardCharsets.UTF_8));
                case BEARER_WITHOUT_A_TOKEN -> "Bearer";
                case GARBAGE_TOKEN -> "Bearer this-is-not-a-jwt";
                case ALG_NONE -> "Bearer " + ForgedTokens.unsigned(alice.id());
                case SIGNED_WITH_ANOTHER_SECRET -> "Bearer " + ForgedTokens.hs256(anotherSecret(), ForgedTokens.ISSUER, alice.id(), now, now.plusSeconds(3600));
                case OTHER_USERS_TOKEN_WITH_SUB_CHANGED -> "Bearer " + ForgedTokens.withSubject(bob.token(), alice.id());
                case EXPIRED_BEYOND_THE_LEEWAY -> "Bearer " + ForgedTokens.hs256(server.jwtSecret(), ForgedTokens.ISSUER, alice.id(),
                        now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(5)));
                case ANOTHER_ISSUER -> "Bearer " + ForgedTokens.hs256(server.jwtSecret(), "someone-else", alice.id(), now, now.plusSeconds(3600));
            };
        }

        private static byte[] anotherSecret() {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return secret;
        }
    }

    @BeforeAll
    static void users() {
        api = server.api();
        alice = api.register("alice@example.com");
        bob = api.register("bob@example.com");
        alicesTask = api.createTask(alice, "Alice's task").get("id").asLong();
        alicesConversation = api.createConversation(alice).get("id").asLong();
        api.appendMessage(alice, alicesConversation, "user", "hello");
        alicesState = api.stateOf(alice);
    }

    /** The control: a token made here the way the server makes them is accepted, so the refusals below are for the reason named. */
    @Test
    void aTokenSignedWithTheServersSecretAndIssuer_isAccepted() {
        Instant now = Instant.now();
        String token = ForgedTokens.hs256(server.jwtSecret(), ForgedTokens.ISSUER, alice.id(), now, now.plusSeconds(600));

        ApiResponse me = api.request("GET", "/api/v1/me").authorization("Bearer " + token).send().expect(200);

        assertThat(me.json().get("id").asLong()).isEqualTo(alice.id());
    }

    static Stream<Arguments> badCredentialsOnEveryRoute() {
        return Arrays.stream(BadCredentials.values())
                .flatMap(credentials -> Endpoint.authenticatedOnes().stream().map(endpoint -> arguments(credentials, endpoint)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("badCredentialsOnEveryRoute")
    void everyAuthenticatedRoute_answers401WithABearerChallenge_andDoesNothing(BadCredentials credentials, Endpoint endpoint) {
        ApiResponse response = endpoint.send(api, endpoint.path(alicesTask, alicesConversation), credentials.authorization());

        assertUnauthenticated(response);
        if (!endpoint.method().equals("GET")) {
            assertThat(api.stateOf(alice)).isEqualTo(alicesState);
        }
    }

    @Test
    void theRealTokensStillWork_andNothingChanged() {
        assertThat(api.get("/api/v1/me", bob).expect(200).json().get("id").asLong()).isEqualTo(bob.id());
        assertThat(api.stateOf(alice)).isEqualTo(alicesState);
    }
}
