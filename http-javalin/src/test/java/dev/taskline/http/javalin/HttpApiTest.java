package dev.taskline.http.javalin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskline.http.javalin.security.JwtTokens;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running adapter over real HTTP, backed by {@link FakeUseCases}: status codes, headers and
 * problem documents that need no database. The full contract against a real database lives in
 * the bootstrap module.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one app per class, chosen by directRoutes()
class HttpApiTest {

    private static final byte[] SECRET = "an HTTP test secret of 32+ bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicBoolean databaseUp = new AtomicBoolean(true);

    private static Javalin app;
    private static HttpClient http;
    private static String base;
    private static String aliceToken;
    private static String deletedUsersToken;

    /** Whether the app under test serves the task and message routes through {@code DirectRoutes}. */
    boolean directRoutes() {
        return true;
    }

    @BeforeAll
    void start() {
        startWith(directRoutes());
    }

    private static void startWith(boolean directRoutes) {
        HttpSettings settings = HttpSettings.defaults(JwtSettings.of(SECRET));
        app = HttpApi.create(settings, FakeUseCases.create(), databaseUp::get, Clock.systemUTC(), directRoutes).start(0);
        base = "http://localhost:" + app.port();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JwtTokens tokens = new JwtTokens(settings.jwt());
        aliceToken = tokens.issue(FakeUseCases.ALICE_ID).value();
        deletedUsersToken = tokens.issue(FakeUseCases.DELETED_ID).value();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    // --- routing ---------------------------------------------------------------------------

    @Test
    void unknownRoute_is404Problem_withOrWithoutAToken() throws Exception {
        assertProblem(send("GET", "/nope", null, null), 404, "not-found");
        assertProblem(send("GET", "/api/v1/nope", null, null), 404, "not-found");
        assertProblem(send("GET", "/api/v1/nope", null, null, "Authorization", "Bearer " + aliceToken), 404, "not-found");
    }

    @Test
    void wrongMethod_is405Problem_withAnAllowHeader() throws Exception {
        Response collection = send("PUT", "/api/v1/tasks", "application/json", "{}");
        assertProblem(collection, 405, "method-not-allowed");
        assertThat(collection.header("Allow")).isEqualTo("GET, POST, HEAD");

        Response item = send("POST", "/api/v1/tasks/7", "application/json", "{}", "Authorization", "Bearer " + aliceToken);
        assertProblem(item, 405, "method-not-allowed");
        assertThat(item.header("Allow")).isEqualTo("GET, PATCH, DELETE, HEAD");
    }

    @Test
    void health_answersUp_orDownWith503() throws Exception {
        Response up = send("GET", "/health", null, null);
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.header("Content-Type")).startsWith("application/json");
        assertThat(up.json()).isEqualTo(JSON.readTree("{\"status\":\"up\",\"database\":\"up\"}"));

        databaseUp.set(false);
        try {
            Response down = send("GET", "/health", null, null);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.header("Content-Type")).startsWith("application/json");
            assertThat(down.json()).isEqualTo(JSON.readTree("{\"status\":\"down\",\"database\":\"down\"}"));
        } finally {
            databaseUp.set(true);
        }
    }

    @Test
    void head_runsTheGetHandler_includingAuthentication() throws Exception {
        assertThat(send("HEAD", "/health", null, null).status()).isEqualTo(200);
        assertThat(send("HEAD", "/api/v1/tasks/7", null, null).status()).isEqualTo(401);

        Response existing = authed("HEAD", "/api/v1/tasks/7", null, null);
        assertThat(existing.status()).isEqualTo(200);
        assertThat(existing.header("ETag")).isEqualTo("\"3\"");
        assertThat(existing.body()).isEmpty();
        assertThat(authed("HEAD", "/api/v1/tasks/6", null, null).status()).isEqualTo(404);
    }

    // --- authentication --------------------------------------------------------------------

    @Test
    void missingToken_is401_withABearerChallenge() throws Exception {
        for (String path : List.of("/api/v1/me", "/api/v1/tasks", "/api/v1/tasks/7", "/api/v1/conversations")) {
            Response response = send("GET", path, null, null);
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void rejectedToken_is401_withInvalidTokenChallenge() throws Exception {
        String[] parts = aliceToken.split("\\.");
        for (String token : List.of("garbage", aliceToken + "x", parts[0] + "." + parts[1] + ".", aliceToken.replace('.', '_'))) {
            Response response = send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + token);
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void tokenOfADeletedUser_is401_everywhere() throws Exception {
        for (String path : List.of("/api/v1/me", "/api/v1/tasks")) {
            Response response = send("GET", path, null, null, "Authorization", "Bearer " + deletedUsersToken);
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
        }
    }

    @Test
    void register_answers201_withAToken_thatAuthenticatesLaterRequests() throws Exception {
        Response response = send("POST", "/api/v1/auth/register", "application/json",
                "{\"email\": \"New@Example.com\", \"password\": \"long enough\", \"name\": \"New\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = response.json();
        assertThat(body.get("token_type").textValue()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").longValue()).isEqualTo(3600);
        assertThat(body.get("user").get("email").textValue()).isEqualTo("new@example.com");
        assertThat(body.get("user").get("name").textValue()).isEqualTo("New");

        // User 3 is not known to the fake account store, so its token is refused as "deleted":
        // what matters is that the token is a valid one of ours, which verify() proves.
        assertThat(new JwtTokens(JwtSettings.of(SECRET)).verify(body.get("access_token").textValue()).value()).isEqualTo(3);
    }

    @Test
    void register_withATakenEmail_is409() throws Exception {
        Response response = send("POST", "/api/v1/auth/register", "application/json",
                "{\"email\": \"taken@example.com\", \"password\": \"long enough\"}");

        assertProblem(response, 409, "conflict");
    }

    @Test
    void register_withBadFields_is400_listingEveryField() throws Exception {
        Response response = send("POST", "/api/v1/auth/register", "application/json", "{\"email\": \"nope\", \"password\": \"short\", \"name\": 5}");

        assertProblem(response, 400, "validation-failed");
        assertThat(fields(response)).containsExactlyInAnyOrder("email", "password", "name");
    }

    @Test
    void login_withUnknownEmailOrWrongPassword_answersTheSame401() throws Exception {
        Response unknown = send("POST", "/api/v1/auth/login", "application/json", "{\"email\": \"who@example.com\", \"password\": \"correct horse\"}");
        Response wrong = send("POST", "/api/v1/auth/login", "application/json", "{\"email\": \"alice@example.com\", \"password\": \"wrong horse\"}");

        assertProblem(unknown, 401, "unauthenticated");
        assertThat(wrong.status()).isEqualTo(unknown.status());
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void login_answersTheUser_andAToken() throws Exception {
        Response response = send("POST", "/api/v1/auth/login", "application/json",
                "{\"email\": \"alice@example.com\", \"password\": \"correct horse\"}");

        assertThat(response.status()).isEqualTo(200);
        String token = response.json().get("access_token").textValue();
        Response me = send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").longValue()).isEqualTo(1);
    }

    @Test
    void me_isTheUser_withoutAnyHash() throws Exception {
        Response response = authed("GET", "/api/v1/me", null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().fieldNames()).toIterable().containsExactly("id", "email", "name", "created_at", "updated_at");
        assertThat(response.body()).doesNotContain("$2a$").doesNotContain("FakeHash");
        assertThat(response.json().get("created_at").textValue()).isEqualTo("2026-11-22T10:15:30.123456Z");
        assertThat(response.json().get("updated_at").textValue()).isEqualTo("2026-11-22T10:15:31.500000Z");
    }

    @Test
    void newPasswordWithoutTheCurrentOne_is400() throws Exception {
        Response response = authed("PATCH", "/api/v1/me", "application/json", "{\"password\": \"a new password\"}");

        assertProblem(response, 400, "validation-failed");
        assertThat(fields(response)).containsExactly("current_password");
    }

    // --- request bodies --------------------------------------------------------------------

    @Test
    void malformedJson_is400() throws Exception {
        for (String body : List.of("{", "{\"title\": \"a\"} x", "{\"title\": \"a\", \"title\": \"b\"}", "[]", "\"title\"", "null")) {
            assertProblem(authed("POST", "/api/v1/tasks", "application/json", body), 400, "malformed-request");
        }
    }

    @Test
    void emptyBodyWhereAnObjectIsNeeded_is400() throws Exception {
        assertProblem(authed("POST", "/api/v1/tasks", "application/json", ""), 400, "malformed-request");
    }

    @Test
    void nulCharacter_is400_onItsField() throws Exception {
        Response response = authed("POST", "/api/v1/tasks", "application/json", "{\"title\": \"a\\u0000b\"}");

        assertProblem(response, 400, "validation-failed");
        assertThat(fields(response)).containsExactly("title");
    }

    @Test
    void nonJsonBody_is415() throws Exception {
        assertProblem(authed("POST", "/api/v1/tasks", "text/plain", "{\"title\": \"x\"}"), 415, "unsupported-media-type");
        assertProblem(authed("POST", "/api/v1/tasks", null, "{\"title\": \"x\"}"), 415, "unsupported-media-type");
        assertProblem(send("POST", "/api/v1/auth/login", "application/x-www-form-urlencoded", "email=a&password=b"), 415,
                "unsupported-media-type");
    }

    @Test
    void jsonWithUtf8Charset_isAccepted() throws Exception {
        assertThat(authed("POST", "/api/v1/tasks", "application/json; charset=UTF-8", "{\"title\": \"x\"}").status()).isEqualTo(201);
    }

    @Test
    void declaredLengthOverTheLimit_is413_beforeTheBodyIsSent() throws Exception {
        try (Socket socket = new Socket("localhost", app.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/tasks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2000000\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(response).contains("\"status\":413");
        }
    }

    @Test
    void chunkedBodyOverTheLimit_is413() throws Exception {
        byte[] big = new byte[(int) HttpSettings.DEFAULT_MAX_REQUEST_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        Response response = sendPublished("POST", "/api/v1/tasks", "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), "Authorization", "Bearer " + aliceToken);

        assertProblem(response, 413, "content-too-large");
    }

    // --- tasks ---------------------------------------------------------------------------

    @Test
    void createTask_is201_withLocationAndETag_forTheTokensUser() throws Exception {
        Response response = authed("POST", "/api/v1/tasks", "application/json",
                "{\"title\": \"  Write tests  \", \"status\": \"in_progress\", \"due_date\": \"2026-12-24\", \"user_id\": 99}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/v1/tasks/8");
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        JsonNode task = response.json();
        assertThat(task.fieldNames()).toIterable()
                .containsExactly("id", "title", "description", "status", "completed", "due_date", "created_at", "updated_at");
        assertThat(task.get("title").textValue()).isEqualTo("Write tests");
        assertThat(task.get("status").textValue()).isEqualTo("in_progress");
        assertThat(task.get("completed").booleanValue()).isFalse();
        assertThat(task.get("due_date").textValue()).isEqualTo("2026-12-24");
        assertThat(task.get("description").isNull()).isTrue();
        assertThat(FakeUseCases.lastOwner.get()).isEqualTo(FakeUseCases.ALICE_ID);
    }

    @Test
    void createTask_withWrongTypes_is400_namingEachField() throws Exception {
        Response response = authed("POST", "/api/v1/tasks", "application/json", "{\"title\": 5, \"due_date\": \"2026-02-30\"}");

        assertProblem(response, 400, "validation-failed");
        assertThat(response.json().get("errors").get(0).get("message").textValue()).isEqualTo("must be a string");
        assertThat(fields(response)).containsExactly("title", "due_date");
    }

    @Test
    void getTask_carriesItsETag() throws Exception {
        Response response = authed("GET", "/api/v1/tasks/7", null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"3\"");
        assertThat(response.json().get("id").longValue()).isEqualTo(7);
    }

    @Test
    void idsThatCannotExist_are404_never500() throws Exception {
        for (String id : List.of("abc", "0", "-1", "99999999999999999999", "1.5", "%20")) {
            assertProblem(authed("GET", "/api/v1/tasks/" + id, null, null), 404, "not-found");
            assertProblem(authed("GET", "/api/v1/conversations/" + id + "/messages", null, null), 404, "not-found");
        }
        assertProblem(authed("GET", "/api/v1/tasks/6", null, null), 404, "not-found");
    }

    @Test
    void patchWithAStaleIfMatch_is412() throws Exception {
        Response response = authed("PATCH", "/api/v1/tasks/7", "application/json", "{\"title\": \"New\"}", "If-Match", "\"2\"");

        assertProblem(response, 412, "precondition-failed");
    }

    @Test
    void patchWithTheCurrentIfMatch_answersTheNewETag() throws Exception {
        for (String ifMatch : List.of("\"3\"", "W/\"3\"", "*")) {
            Response response = authed("PATCH", "/api/v1/tasks/7", "application/json", "{\"completed\": true}", "If-Match", ifMatch);

            assertThat(response.status()).as(ifMatch).isEqualTo(200);
            assertThat(response.header("ETag")).isEqualTo("\"4\"");
            assertThat(response.json().get("status").textValue()).isEqualTo("completed");
        }
    }

    @Test
    void patchWithAMalformedIfMatch_is400() throws Exception {
        assertProblem(authed("PATCH", "/api/v1/tasks/7", "application/json", "{}", "If-Match", "3"), 400, "validation-failed");
    }

    @Test
    void patch_nullTitleIs400_nullDescriptionClears() throws Exception {
        Response nullTitle = authed("PATCH", "/api/v1/tasks/7", "application/json", "{\"title\": null}");
        assertProblem(nullTitle, 400, "validation-failed");
        assertThat(fields(nullTitle)).containsExactly("title");

        Response nullDescription = authed("PATCH", "/api/v1/tasks/7", "application/json", "{\"description\": null}");
        assertThat(nullDescription.status()).isEqualTo(200);
        assertThat(nullDescription.json().get("description").isNull()).isTrue();

        Response wrongType = authed("PATCH", "/api/v1/tasks/7", "application/json", "{\"completed\": \"yes\"}");
        assertProblem(wrongType, 400, "validation-failed");
        assertThat(wrongType.json().get("errors").get(0).get("message").textValue()).isEqualTo("must be a boolean");
    }

    @Test
    void deleteTask_is204_withoutABody() throws Exception {
        Response response = authed("DELETE", "/api/v1/tasks/7", null, null);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void listTasks_isAPage_withAnOpaqueCursor() throws Exception {
        Response response = authed("GET", "/api/v1/tasks?limit=1&status=pending&completed=false", null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items")).hasSize(1);
        String cursor = response.json().get("next_cursor").textValue();
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(authed("GET", "/api/v1/tasks?cursor=" + cursor, null, null).status()).isEqualTo(200);
    }

    @Test
    void badQueryParameters_are400_onTheirField() throws Exception {
        assertBadQuery("/api/v1/tasks?limit=0", "limit");
        assertBadQuery("/api/v1/tasks?limit=101", "limit");
        assertBadQuery("/api/v1/tasks?limit=ten", "limit");
        assertBadQuery("/api/v1/tasks?cursor=not-a-cursor", "cursor");
        assertBadQuery("/api/v1/tasks?status=done", "status");
        assertBadQuery("/api/v1/tasks?completed=yes", "completed");
        assertBadQuery("/api/v1/conversations?limit=-5", "limit");
        assertBadQuery("/api/v1/conversations/5/messages?cursor=%00", "cursor");
    }

    // --- conversations ---------------------------------------------------------------------

    @Test
    void createConversation_acceptsNoBodyOrAnEmptyObject() throws Exception {
        for (Response response : List.of(authed("POST", "/api/v1/conversations", null, null),
                authed("POST", "/api/v1/conversations", "application/json", "{}"))) {
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.header("Location")).isEqualTo("/api/v1/conversations/5");
            assertThat(response.json().fieldNames()).toIterable().containsExactly("id", "created_at", "updated_at");
        }
        assertProblem(authed("POST", "/api/v1/conversations", "application/json", "[]"), 400, "malformed-request");
    }

    @Test
    void appendMessage_is201_andValidatesRoleAndContent() throws Exception {
        Response created = authed("POST", "/api/v1/conversations/5/messages", "application/json", "{\"role\": \"user\", \"content\": \"Hi\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().fieldNames()).toIterable().containsExactly("id", "conversation_id", "role", "content", "created_at");
        assertThat(created.json().get("conversation_id").longValue()).isEqualTo(5);

        Response invalid = authed("POST", "/api/v1/conversations/5/messages", "application/json", "{\"role\": \"system\", \"content\": \"\"}");
        assertProblem(invalid, 400, "validation-failed");
        assertThat(fields(invalid)).containsExactly("role", "content");

        assertProblem(authed("POST", "/api/v1/conversations/6/messages", "application/json", "{\"role\": \"user\", \"content\": \"x\"}"),
                404, "not-found");
    }

    @Test
    void emptyMessagePage_hasANullCursor() throws Exception {
        Response response = authed("GET", "/api/v1/conversations/5/messages", null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(JSON.readTree("{\"items\":[],\"next_cursor\":null}"));
    }

    // --- failures --------------------------------------------------------------------------

    @Test
    void unexpectedFailure_is500_withAGenericDetail_andNoInternals() throws Exception {
        Response response = authed("GET", "/api/v1/tasks/500", null, null);

        assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("SELECT").doesNotContain("secret").doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void errorThatIsNotAnException_isStillA500Problem() throws Exception {
        Response response = authed("GET", "/api/v1/tasks/501", null, null);

        assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("SELECT");
    }

    @Test
    void databaseDown_is503_withRetryAfter() throws Exception {
        Response response = authed("GET", "/api/v1/tasks/503", null, null);

        assertProblem(response, 503, "service-unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.body()).doesNotContain("db.internal");
    }

    // --- helpers ---------------------------------------------------------------------------

    private void assertBadQuery(String path, String field) throws Exception {
        Response response = authed("GET", path, null, null);
        assertProblem(response, 400, "validation-failed");
        assertThat(fields(response)).as(path).containsExactly(field);
    }

    private static void assertProblem(Response response, int status, String type) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").textValue()).isEqualTo("https://taskline.dev/problems/" + type);
        assertThat(problem.get("title").textValue()).isNotBlank();
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("detail").textValue()).isNotBlank();
    }

    private static List<String> fields(Response response) throws IOException {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").textValue()));
        return fields;
    }

    private static Response authed(String method, String path, String contentType, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + aliceToken;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, contentType, body, all);
    }

    private static Response send(String method, String path, String contentType, String body, String... headers) throws Exception {
        return sendPublished(method, path, contentType, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body), headers);
    }

    private static Response sendPublished(String method, String path, String contentType, BodyPublisher body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
        return new Response(response);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private record Response(HttpResponse<String> raw) {

        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(raw.body());
        }
    }
}
