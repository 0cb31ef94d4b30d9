package dev.taskline.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.taskline.bootstrap.api.ApiAssertions.assertInvalid;
import static dev.taskline.bootstrap.api.ApiAssertions.assertJson;
import static dev.taskline.bootstrap.api.ApiAssertions.assertIsTokenResponse;
import static dev.taskline.bootstrap.api.ApiAssertions.assertIsUser;
import static dev.taskline.bootstrap.api.ApiAssertions.assertProblem;
import static dev.taskline.bootstrap.api.ApiAssertions.assertUnauthenticated;
import static dev.taskline.bootstrap.api.ApiAssertions.instant;
import static dev.taskline.bootstrap.api.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Register, login and {@code /me}: the account rows of the contract. */
class AuthApiIT {
    @RegisterExtension
    static final ApiServer server = new ApiServer();
    static ApiClient api;
    static TestUser alice;

    @BeforeAll
    static void registerAlice() {
        api = server.api();
        alice = api.register("alice@example.com");
    }

    @Test
    void register_answers201WithTheUser_lowerCasesTheEmail_andNeverShowsTheHash() {
        ApiResponse response = api.post("/api/v1/auth/register", null,
                object("email", "New.Person@Example.COM", "password", "a fine long password", "name", " Zoë 🚀 "));

        JsonNode answer = assertJson(response, 201);
        assertIsTokenResponse(answer);
        JsonNode user = answer.get("user");
        assertThat(user.get("email").asText()).isEqualTo("new.person@example.com");
        assertThat(answer.get("expires_in").asLong()).as("the configured one hour, in seconds").isEqualTo(3600);
        assertThat(user.get("name").asText()).as("a name is stored exactly as sent").isEqualTo(" Zoë 🚀 ");
        assertThat(response.body()).doesNotContain("$2").doesNotContainIgnoringCase("hash").doesNotContain("a fine long password");

        TestUser registered = new TestUser(user.get("id").asLong(), "new.person@example.com", "a fine long password",
                answer.get("access_token").asText());
        assertThat(api.get("/api/v1/me", registered).expect(200).json()).as("the token is usable").isEqualTo(user);
    }

    @Test
    void register_withoutAName_hasANullName() {
        JsonNode me = assertJson(api.get("/api/v1/me", alice), 200);

        assertIsUser(me);
        assertThat(me.get("id").asLong()).isEqualTo(alice.id());
        assertThat(me.get("email").asText()).isEqualTo("alice@example.com");
    }

    @Test
    void login_answers200WithTheSameShape_inAnyLetterCase_andItsTokenWorks() {
        ApiResponse response = api.login("ALICE@Example.com", alice.password());

        assertIsTokenResponse(assertJson(response, 200));
        JsonNode user = response.json().get("user");
        assertThat(user.get("id").asLong()).isEqualTo(alice.id());
        assertThat(response.body()).doesNotContain("$2").doesNotContainIgnoringCase("hash").doesNotContain(alice.password());
        TestUser loggedIn = alice.withToken(response.json().get("access_token").asText());
        assertThat(api.get("/api/v1/me", loggedIn).expect(200).json()).isEqualTo(user);
    }

    @Test
    void register_acceptsTheBoundaries_andEachAccountLogsIn() {
        String longestEmail = "x".repeat(243) + "@example.com"; // 255 characters
        String shortestPassword = "8chars!!";
        String longestPassword = "€".repeat(24); // 72 bytes in UTF-8

        TestUser longEmail = api.register(longestEmail);
        TestUser shortPassword = api.register("short-password@example.com", shortestPassword);
        TestUser longPassword = api.register("long-password@example.com", longestPassword);

        assertThat(longEmail.email()).isEqualTo(longestEmail);
        api.login(longestEmail, longEmail.password()).expect(200);
        api.login(shortPassword.email(), shortestPassword).expect(200);
        api.login(longPassword.email(), longestPassword).expect(200);
        assertProblem(api.login(longPassword.email(), "€".repeat(23)), 401);
    }

    @Test
    void login_answersTheSame401_forAnUnknownEmail_andForAWrongPassword() {
        ApiResponse unknownEmail = api.login("nobody@example.com", alice.password());
        ApiResponse wrongPassword = api.login(alice.email(), "not the right password");

        assertProblem(unknownEmail, 401);
        assertProblem(wrongPassword, 401);
        assertThat(wrongPassword.body()).as("nothing tells the two apart").isEqualTo(unknownEmail.body());
        assertThat(wrongPassword.header("Content-Type")).isEqualTo(unknownEmail.header("Content-Type"));
        assertThat(wrongPassword.header("WWW-Authenticate")).isEqualTo(unknownEmail.header("WWW-Authenticate"));
    }

    @Test
    void register_answers409_forAnEmailTakenInAnotherLetterCase_andKeepsTheFirstAccount() {
        ApiResponse duplicate = api.post("/api/v1/auth/register", null,
                object("email", "ALICE@EXAMPLE.COM", "password", "another password entirely"));

        assertProblem(duplicate, 409);
        assertThat(api.login(alice.email(), alice.password()).expect(200).json().at("/user/id").asLong()).isEqualTo(alice.id());
        assertProblem(api.login(alice.email(), "another password entirely"), 401);
    }

    @Test
    void register_ofOneEmailFromManyClientsAtOnce_createsOneAccount_andAnswersTheOthers409() {
        List<ApiResponse> answers = api.concurrently(4, i -> api.post("/api/v1/auth/register", null,
                object("email", i % 2 == 0 ? "race@example.com" : "RACE@example.com", "password", ApiClient.PASSWORD)));

        assertThat(answers.stream().filter(answer -> answer.status() == 201)).as("%s", answers).hasSize(1);
        answers.stream().filter(answer -> answer.status() != 201).forEach(answer -> assertProblem(answer, 409));
    }

    static Stream<Arguments> invalidRegistrations() {
        String longEmail = "x".repeat(244) + "@example.com"; // 256 characters
        return Stream.of(
                arguments(object("password", ApiClient.PASSWORD), "email"),
                arguments(object("email", "not-an-email", "password", ApiClient.PASSWORD), "email"),
                arguments(object("email", "two@@example.com", "password", ApiClient.PASSWORD), "email"),
                arguments(object("email", "", "password", ApiClient.PASSWORD), "email"),
                arguments(object("email", longEmail, "password", ApiClient.PASSWORD), "email"),
                arguments(object("email", "nul\u0000@example.com", "password", ApiClient.PASSWORD), "email"),
                arguments(object("email", 42, "password", ApiClient.PASSWORD), "email"),
                arguments(object("email", "refused-1@example.com"), "password"),
                arguments(object("email", "refused-2@example.com", "password", "short12"), "password"),
                arguments(object("email", "refused-3@example.com", "password", "a".repeat(73)), "password"),
                arguments(object("email", "refused-4@example.com", "password", "é".repeat(37)), "password"), // 74 bytes
                arguments(object("email", "refused-5@example.com", "password", "pass\u0000word-long"), "password"),
                arguments(object("email", "refused-6@example.com", "password", true), "password"),
                arguments(object("email", "refused-7@example.com", "password", ApiClient.PASSWORD, "name", "n".repeat(256)), "name"),
                arguments(object("email", "refused-8@example.com", "password", ApiClient.PASSWORD, "name", "nul\u0000name"), "name"),
                arguments(object("email", "refused-9@example.com", "password", ApiClient.PASSWORD, "name", 7), "name"));
    }

    @ParameterizedTest
    @MethodSource("invalidRegistrations")
    void register_refusesInvalidInput_namingTheField_andCreatesNoAccount(JsonNode body, String field) {
        assertInvalid(api.post("/api/v1/auth/register", null, body), field);

        String email = body.path("email").asText("");
        if (email.startsWith("refused-")) {
            assertProblem(api.login(email, body.path("password").asText(ApiClient.PASSWORD)), 401);
        }
    }

    static Stream<Arguments> invalidLogins() {
        return Stream.of(
                arguments(object("password", ApiClient.PASSWORD), "email"),
                arguments(object("email", "alice@example.com"), "password"),
                arguments(object("email", 1, "password", ApiClient.PASSWORD), "email"),
                arguments(object("email", "alice@example.com", "password", 12345678), "password"));
    }

    @ParameterizedTest
    @MethodSource("invalidLogins")
    void login_refusesInvalidInput_namingTheField(JsonNode body, String field) {
        assertInvalid(api.post("/api/v1/auth/login", null, body), field);
    }

    @Test
    void patchMe_setsAndClearsTheName_andKeepsCreatedAt() {
        JsonNode before = api.get("/api/v1/me", alice).expect(200).json();

        JsonNode named = assertJson(api.patch("/api/v1/me", alice, object("name", "Alice Liddell 🐇")), 200);
        assertIsUser(named);
        assertThat(named.get("name").asText()).isEqualTo("Alice Liddell 🐇");
        assertThat(api.get("/api/v1/me", alice).expect(200).json()).isEqualTo(named);

        JsonNode empty = api.patch("/api/v1/me", alice, object("name", "")).expect(200).json();
        assertThat(empty.get("name").isTextual() && empty.get("name").asText().isEmpty()).as("an empty name is kept as sent: %s", empty).isTrue();

        JsonNode longest = api.patch("/api/v1/me", alice, object("name", "n".repeat(255))).expect(200).json();
        assertThat(longest.get("name").asText()).hasSize(255);

        JsonNode cleared = api.patch("/api/v1/me", alice, object("name", null)).expect(200).json();
        assertThat(cleared.get("name").isNull()).as("name: null clears it: %s", cleared).isTrue();
        assertThat(api.get("/api/v1/me", alice).expect(200).json()).isEqualTo(cleared);

        assertThat(cleared.get("created_at")).isEqualTo(before.get("created_at"));
        assertThat(cleared.get("email")).isEqualTo(before.get("email"));
        assertThat(instant(cleared, "updated_at")).isAfterOrEqualTo(instant(before, "updated_at"));
    }

    static Stream<Arguments> invalidAccountChanges() {
        return Stream.of(
                arguments(object("name", "n".repeat(256)), "name"),
                arguments(object("name", 5), "name"),
                arguments(object("name", "nul\u0000"), "name"),
                arguments(object("password", "a brand new password"), "current_password"),
                arguments(object("password", "short", "current_password", ApiClient.PASSWORD), "password"),
                arguments(object("password", "a".repeat(73), "current_password", ApiClient.PASSWORD), "password"),
                arguments(object("password", null, "current_password", ApiClient.PASSWORD), "password"),
                arguments(object("password", 12345678, "current_password", ApiClient.PASSWORD), "password"));
    }

    @ParameterizedTest
    @MethodSource("invalidAccountChanges")
    void patchMe_refusesInvalidInput_namingTheField_andChangesNothing(JsonNode body, String field) {
        var before = api.stateOf(alice);

        assertInvalid(api.patch("/api/v1/me", alice, body), field);

        assertThat(api.stateOf(alice)).isEqualTo(before);
    }

    @Test
    void patchMe_refusesANewPassword_withAWrongCurrentPassword() {
        var before = api.stateOf(alice);

        ApiResponse refused = api.patch("/api/v1/me", alice, object("password", "a brand new password", "current_password", "wrong guess!"));

        assertThat(refused.status()).as("%s", refused).isIn(400, 401, 403);
        assertProblem(refused, refused.status());
        assertThat(api.stateOf(alice)).isEqualTo(before);
        api.login(alice.email(), alice.password()).expect(200);
        assertProblem(api.login(alice.email(), "a brand new password"), 401);
    }

    @Test
    void patchMe_changesThePassword_givenTheCurrentOne_andTheOldOneNoLongerLogsIn() {
        TestUser changer = api.register("changer@example.com");

        JsonNode user = api.patch("/api/v1/me", changer, object("password", "the new password", "current_password", changer.password()))
                .expect(200).json();

        assertIsUser(user);
        assertThat(user.toString()).doesNotContain("the new password").doesNotContain("$2");
        assertProblem(api.login(changer.email(), changer.password()), 401);
        assertThat(api.login(changer.email(), "the new password").expect(200).json().at("/user/id").asLong()).isEqualTo(changer.id());
    }

    @Test
    void deleteMe_answers204_thenItsTokenIs401_andANewAccountWithTheSameEmailStartsEmpty() {
        TestUser leaving = api.register("leaving@example.com");
        long task = api.createTask(leaving, "left behind").get("id").asLong();
        long conversation = api.createConversation(leaving).get("id").asLong();
        api.appendMessage(leaving, conversation, "user", "goodbye");

        ApiResponse deleted = api.delete("/api/v1/me", leaving);

        deleted.expect(204);
        assertThat(deleted.body()).isEmpty();
        assertUnauthenticated(api.get("/api/v1/me", leaving));
        assertUnauthenticated(api.get("/api/v1/tasks", leaving));
        assertUnauthenticated(api.post("/api/v1/tasks", leaving, object("title", "after death")));
        assertProblem(api.login(leaving.email(), leaving.password()), 401);

        TestUser again = api.register("Leaving@Example.com");
        assertThat(again.id()).isNotEqualTo(leaving.id());
        assertThat(api.allPages("/api/v1/tasks", again, 100)).as("the old account's tasks went with it").isEmpty();
        assertThat(api.allPages("/api/v1/conversations", again, 100)).isEmpty();
        assertProblem(api.get("/api/v1/tasks/" + task, again), 404);
        assertProblem(api.get("/api/v1/conversations/" + conversation, again), 404);
        assertProblem(api.get("/api/v1/conversations/" + conversation + "/messages", again), 404);
    }
}
