package dev.taskline.http.javalin;

import dev.taskline.http.javalin.TestHttp.Response;
import dev.taskline.http.javalin.headers.CorsSettings;
import dev.taskline.http.javalin.security.JwtTokens;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS: the configured origins get what a browser needs; every other origin, and every origin when none is configured, gets nothing. */
class CorsTest {

    private static final byte[] SECRET = "a CORS test secret of at least 32 bytes".getBytes(StandardCharsets.US_ASCII);
    private static final String APP = "https://app.example.com";
    private static final String DEV = "http://localhost:5173";

    private static Javalin withOrigins;
    private static Javalin withoutOrigins;
    private static TestHttp cors;
    private static TestHttp noCors;
    private static String bearer;

    @BeforeAll
    static void start() {
        HttpSettings settings = HttpSettings.defaults(JwtSettings.of(SECRET)).withAuthRateLimits(AuthRateLimits.off());
        withOrigins = HttpApi.create(settings.withCors(CorsSettings.parse(APP + ", " + DEV)), FakeUseCases.create(), () -> true).start(0);
        withoutOrigins = HttpApi.create(settings, FakeUseCases.create(), () -> true).start(0);
        cors = new TestHttp(withOrigins);
        noCors = new TestHttp(withoutOrigins);
        bearer = "Bearer " + new JwtTokens(settings.jwt()).issue(FakeUseCases.ALICE_ID).value();
    }

    @AfterAll
    static void stop() {
        withOrigins.stop();
        withoutOrigins.stop();
    }

    @Test
    void preflightFromAnAllowedOrigin_is204_withTheApisMethodsAndHeaders_withoutAToken() throws Exception {
        for (String origin : List.of(APP, DEV)) {
            for (String path : List.of("/api/v1/tasks/7", "/api/v1/auth/login", "/api/v1/conversations/5/messages")) {
                Response response = preflight(cors, path, origin, "PATCH");

                assertThat(response.status()).as(origin + path).isEqualTo(204);
                assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(origin);
                assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, POST, PATCH, DELETE");
                assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("Authorization, Content-Type, If-Match");
                assertThat(response.header("Access-Control-Max-Age")).isEqualTo("600");
                assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
                assertThat(response.headers("Vary")).contains("Origin");
                assertThat(response.body()).isEmpty();
                SecurityHeadersTest.assertSecurityHeaders("preflight", response.allHeaders());
            }
        }
    }

    @Test
    void requestsFromAnAllowedOrigin_nameIt_andExposeETagAndLocation_errorsToo() throws Exception {
        Response task = cors.get("/api/v1/tasks/7", "Origin", APP, "Authorization", bearer);
        assertThat(task.status()).isEqualTo(200);
        assertThat(task.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(task.header("Access-Control-Expose-Headers")).isEqualTo("ETag, Location, Retry-After");
        assertThat(task.header("ETag")).isEqualTo("\"3\"");

        Response created = cors.postJson("/api/v1/tasks", "{\"title\":\"x\"}", "Origin", DEV, "Authorization", bearer);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(DEV);

        Response unauthenticated = cors.get("/api/v1/tasks/7", "Origin", APP);
        unauthenticated.assertProblem(401, "unauthenticated");
        assertThat(unauthenticated.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(unauthenticated.header("Access-Control-Expose-Headers")).contains("Retry-After");
    }

    @Test
    void otherOrigins_getNoCorsHeaderAtAll_andNoPreflight() throws Exception {
        for (String origin : List.of("https://evil.example.com", "https://app.example.com.evil.com", "http://app.example.com",
                "https://app.example.com:8443", "null", "https://localhost:5173")) {
            Response preflight = preflight(cors, "/api/v1/tasks/7", origin, "DELETE");
            assertThat(preflight.status()).as(origin).isEqualTo(405);
            assertNoCorsHeaders(origin, preflight);

            Response request = cors.get("/api/v1/tasks/7", "Origin", origin, "Authorization", bearer);
            assertThat(request.status()).as(origin).isEqualTo(200);
            assertNoCorsHeaders(origin, request);
        }
    }

    @Test
    void noOriginsConfigured_noCorsHeadersForAnyone() throws Exception {
        for (String origin : List.of(APP, DEV, "https://evil.example.com")) {
            Response preflight = preflight(noCors, "/api/v1/tasks/7", origin, "PATCH");
            preflight.assertProblem(405, "method-not-allowed");
            assertNoCorsHeaders(origin, preflight);
            assertThat(preflight.headers("Vary")).doesNotContain("Origin");

            Response request = noCors.get("/api/v1/tasks/7", "Origin", origin, "Authorization", bearer);
            assertThat(request.status()).isEqualTo(200);
            assertNoCorsHeaders(origin, request);
        }
    }

    @Test
    void requestsWithoutAnOrigin_getNoCorsHeaders() throws Exception {
        Response response = cors.get("/api/v1/tasks/7", "Authorization", bearer);

        assertThat(response.status()).isEqualTo(200);
        assertNoCorsHeaders("no origin", response);
    }

    private static Response preflight(TestHttp http, String path, String origin, String method) throws Exception {
        return http.send("OPTIONS", path, null, "Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "authorization, content-type, if-match");
    }

    private static void assertNoCorsHeaders(String what, Response response) {
        assertThat(response.allHeaders().keySet()).as(what).noneMatch(name -> name.startsWith("access-control-"));
    }
}
