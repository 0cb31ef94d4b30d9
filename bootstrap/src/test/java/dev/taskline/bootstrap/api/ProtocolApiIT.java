package dev.taskline.bootstrap.api;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dev.taskline.bootstrap.api.ApiAssertions.assertBadOrNotFound;
import static dev.taskline.bootstrap.api.ApiAssertions.assertJson;
import static dev.taskline.bootstrap.api.ApiAssertions.assertProblem;
import static dev.taskline.bootstrap.api.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What every endpoint owes a client whatever the resource: health, unknown routes and methods,
 * impossible ids, bodies that are not JSON, not well-formed or too large. Each refusal is a problem
 * document and changes nothing.
 */
class ProtocolApiIT {
    /** The contract's largest accepted body. */
    private static final int ONE_MIB = 1_048_576;

    @RegisterExtension
    static final ApiServer server = new ApiServer();
    static ApiClient api;
    static TestUser pat;
    static long patsTask;
    static long patsConversation;

    @BeforeAll
    static void aUserWithATaskAndAConversation() {
        api = server.api();
        pat = api.register("pat@example.com");
        patsTask = api.createTask(pat, object("title", "Pat's task", "description", "untouched")).get("id").asLong();
        patsConversation = api.createConversation(pat).get("id").asLong();
        api.appendMessage(pat, patsConversation, "user", "untouched too");
    }

    @Test
    void health_isUp_withoutAToken() {
        assertThat(assertJson(api.get("/health", null), 200)).isEqualTo(object("status", "up", "database", "up"));
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/nothing-here",
            "GET, /api/v2/tasks",
            "POST, /api/v1/task",
            "GET, /api/v1/tasks/1/subtasks",
            "GET, /api/v1/conversations/1/messages/1",
            "GET, /api/v1",
            "GET, /"})
    void anUnknownRoute_answers404(String method, String path) {
        assertProblem(api.request(method, path).as(pat).send(), 404);
    }

    @ParameterizedTest
    @CsvSource({
            "PUT, /api/v1/tasks/{task}",
            "POST, /api/v1/tasks/{task}",
            "DELETE, /api/v1/tasks",
            "PATCH, /api/v1/tasks",
            "PUT, /api/v1/me",
            "POST, /api/v1/me",
            "GET, /api/v1/auth/login",
            "GET, /api/v1/auth/register",
            "PATCH, /api/v1/conversations/{conversation}",
            "PUT, /api/v1/conversations/{conversation}/messages",
            "DELETE, /api/v1/conversations/{conversation}/messages",
            "DELETE, /api/v1/conversations",
            "POST, /health"})
    void aWrongMethod_answers405_andChangesNothing(String method, String template) {
        var before = api.stateOf(pat);
        String path = template.replace("{task}", Long.toString(patsTask)).replace("{conversation}", Long.toString(patsConversation));

        assertProblem(api.request(method, path).as(pat).json("{\"title\":\"nope\",\"role\":\"user\",\"content\":\"nope\"}").send(), 405);

        assertThat(api.stateOf(pat)).isEqualTo(before);
    }

    static Stream<Arguments> impossibleIds() {
        return Endpoint.withId().stream()
                .flatMap(endpoint -> Stream.of("abc", "0", "-1", "99999999999999999999", "1.5", "0x10")
                        .map(id -> arguments(endpoint, id)));
    }

    @ParameterizedTest(name = "{0} with id {1}")
    @MethodSource("impossibleIds")
    void anImpossibleId_answers400or404_neverAServerError(Endpoint endpoint, String id) {
        var before = api.stateOf(pat);

        assertBadOrNotFound(endpoint.send(api, endpoint.path(id, id), pat.authorization()));

        assertThat(api.stateOf(pat)).isEqualTo(before);
    }

    static Stream<Arguments> malformedBodies() {
        List<String> bodies = List.of(
                "{",
                "{\"title\": }",
                "{\"title\": \"unterminated}",
                "{'title': 'single quotes'}",
                "not json at all",
                "{\"title\":\"x\"} trailing",
                "[]",
                "\"a string\"",
                "42");
        return Endpoint.withBody().stream().flatMap(endpoint -> bodies.stream().map(body -> arguments(endpoint, body)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("malformedBodies")
    void aBodyThatIsNotAJsonObject_answers400_andChangesNothing(Endpoint endpoint, String body) {
        var before = api.stateOf(pat);

        ApiResponse response = api.request(endpoint.method(), path(endpoint)).as(pat).json(body).send();

        assertThat(assertProblem(response, 400).has("errors")).as("a malformed body is no validation failure: %s", response).isFalse();
        assertThat(api.stateOf(pat)).isEqualTo(before);
    }

    static Stream<Arguments> hostileBodies() {
        List<String> bodies = List.of(
                "{\"title\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}",
                "{\"title\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}",
                "{\"title\":1" + "0".repeat(20_000) + "}",
                "{\"title\":\"" + "\\u0041".repeat(1_000) + "\", \"description\":" + "9".repeat(5_000) + ".5e99999999}");
        return Endpoint.withBody().stream().flatMap(endpoint -> bodies.stream().map(body -> arguments(endpoint, body)));
    }

    @ParameterizedTest(name = "{0} with hostile body #{index}")
    @MethodSource("hostileBodies")
    void aDeeplyNestedOrHugeNumberBody_answers400_neverAServerError(Endpoint endpoint, String body) {
        var before = api.stateOf(pat);

        assertProblem(api.request(endpoint.method(), path(endpoint)).as(pat).json(body).send(), 400);

        assertThat(api.stateOf(pat)).isEqualTo(before);
    }

    static Stream<Arguments> notJson() {
        return Endpoint.withBody().stream().flatMap(endpoint -> Stream.of(
                arguments(endpoint, "text/plain"),
                arguments(endpoint, "text/plain; charset=utf-8"),
                arguments(endpoint, "application/x-www-form-urlencoded"),
                arguments(endpoint, "application/xml")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("notJson")
    void aBodyThatIsNotJson_answers415_andChangesNothing(Endpoint endpoint, String contentType) {
        var before = api.stateOf(pat);

        ApiResponse response = api.request(endpoint.method(), path(endpoint)).as(pat)
                .body(contentType, endpoint.validBody().getBytes(StandardCharsets.UTF_8)).send();

        assertProblem(response, 415);
        assertThat(api.stateOf(pat)).isEqualTo(before);
    }

    static List<Endpoint> bodyRoutes() {
        return Endpoint.withBody();
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void aBodyOverOneMiB_answers413_andChangesNothing(Endpoint endpoint) {
        var before = api.stateOf(pat);

        ApiResponse response = api.request(endpoint.method(), path(endpoint)).as(pat)
                .body("application/json", padded(endpoint.validBody(), ONE_MIB + 1)).send();

        assertProblem(response, 413);
        assertThat(api.stateOf(pat)).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void aChunkedBodyOverOneMiB_answers413_andChangesNothing(Endpoint endpoint) {
        var before = api.stateOf(pat);

        ApiResponse response = api.request(endpoint.method(), path(endpoint)).as(pat)
                .chunkedBody("application/json", padded(endpoint.validBody(), 2 * ONE_MIB)).send();

        assertProblem(response, 413);
        assertThat(api.stateOf(pat)).isEqualTo(before);
    }

    @Test
    void aBodyOfExactlyOneMiB_isAccepted() {
        ApiResponse response = api.request("POST", "/api/v1/tasks").as(pat)
                .body("application/json", padded("{\"title\":\"exactly one MiB\"}", ONE_MIB)).send();

        response.expect(201);
        api.delete("/api/v1/tasks/" + response.id(), pat).expect(204);
    }

    @Test
    void jsonWithACharsetParameter_isAccepted() {
        ApiResponse response = api.request("POST", "/api/v1/tasks").as(pat)
                .body("application/json; charset=utf-8", "{\"title\":\"with charset\"}".getBytes(StandardCharsets.UTF_8)).send();

        response.expect(201);
        api.delete("/api/v1/tasks/" + response.id(), pat).expect(204);
    }

    /** The route's path, on Pat's own task and conversation. */
    private static String path(Endpoint endpoint) {
        return endpoint.path(patsTask, patsConversation);
    }

    /** {@code json} followed by whitespace up to {@code size} bytes: still valid JSON, only too big. */
    private static byte[] padded(String json, int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] start = json.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        return body;
    }
}
