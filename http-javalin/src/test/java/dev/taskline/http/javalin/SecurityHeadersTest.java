package dev.taskline.http.javalin;

import dev.taskline.http.javalin.TestHttp.Response;
import dev.taskline.http.javalin.security.JwtTokens;
import dev.taskline.http.javalin.security.RateLimit;
import dev.taskline.http.javalin.security.TrustedProxies;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries the security headers — successes, every kind of error, answers Javalin
 * makes itself (404, 405, 413) and the last-resort 500 — and none names the server's software.
 */
class SecurityHeadersTest {

    private static final byte[] SECRET = "a security-headers test secret, 32+ bytes".getBytes(StandardCharsets.US_ASCII);
    static final Map<String, String> EXPECTED = Map.of(
            "x-content-type-options", "nosniff",
            "x-frame-options", "DENY",
            "referrer-policy", "no-referrer",
            "content-security-policy", "default-src 'none'; frame-ancestors 'none'",
            "cache-control", "no-store");

    private static Javalin app;
    private static Javalin hstsApp;
    private static TestHttp http;
    private static String token;

    @BeforeAll
    static void start() {
        HttpSettings settings = HttpSettings.defaults(JwtSettings.of(SECRET))
                .withAuthRateLimits(new AuthRateLimits(Optional.of(new RateLimit(1, Duration.ofHours(1))), Optional.empty(),
                        100, TrustedProxies.none()));
        app = HttpApi.create(settings, FakeUseCases.create(), () -> true).start(0);
        hstsApp = HttpApi.create(settings.withHstsMaxAge(Optional.of(Duration.ofDays(365))), FakeUseCases.create(), () -> true).start(0);
        http = new TestHttp(app);
        token = new JwtTokens(settings.jwt()).issue(FakeUseCases.ALICE_ID).value();
    }

    @AfterAll
    static void stop() {
        app.stop();
        hstsApp.stop();
    }

    @Test
    void everyKindOfAnswer_carriesTheSecurityHeaders_andNoServerHeader() throws Exception {
        String auth = "Bearer " + token;
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("200 health", http.get("/health"));
        answers.put("200 me", http.get("/api/v1/me", "Authorization", auth));
        answers.put("201 created", http.postJson("/api/v1/tasks", "{\"title\":\"x\"}", "Authorization", auth));
        answers.put("204 deleted", http.send("DELETE", "/api/v1/tasks/7", null, "Authorization", auth));
        answers.put("400 malformed", http.postJson("/api/v1/tasks", "{", "Authorization", auth));
        answers.put("401 no token", http.get("/api/v1/me"));
        answers.put("401 bad token", http.get("/api/v1/me", "Authorization", "Bearer nonsense"));
        answers.put("404 no route", http.get("/nope"));
        answers.put("404 no task", http.get("/api/v1/tasks/6", "Authorization", auth));
        answers.put("405 wrong method", http.send("PUT", "/api/v1/tasks", "{}", "Content-Type", "application/json"));
        answers.put("412 stale", http.send("PATCH", "/api/v1/tasks/7", "{}", "Authorization", auth, "Content-Type",
                "application/json", "If-Match", "\"1\""));
        answers.put("413 chunked", chunkedOverTheLimit(auth));
        answers.put("415 not json", http.send("POST", "/api/v1/tasks", "x", "Authorization", auth, "Content-Type", "text/plain"));
        http.login("limited@example.com", "some password");
        answers.put("429 throttled", http.login("limited@example.com", "some password"));
        answers.put("500 bug", http.get("/api/v1/tasks/500", "Authorization", auth));
        answers.put("500 error", http.get("/api/v1/tasks/501", "Authorization", auth));
        answers.put("503 db down", http.get("/api/v1/tasks/503", "Authorization", auth));

        for (var answer : answers.entrySet()) {
            Response response = answer.getValue();
            assertThat(response.status()).as(answer.getKey()).isEqualTo(Integer.parseInt(answer.getKey().substring(0, 3)));
            assertSecurityHeaders(answer.getKey(), response.allHeaders());
        }
    }

    @Test
    void declaredLengthOverTheLimit_413_carriesTheSecurityHeaders() throws Exception {
        RawResponse response = rawExchange("POST /api/v1/tasks HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(413);
        assertSecurityHeaders("413 declared", response.headers());
    }

    /** Requests Jetty refuses before Javalin sees them: a problem document too, never Jetty's HTML page. */
    @Test
    void requestsTheServerRefusesItself_areProblemsWithTheSecurityHeaders() throws Exception {
        String huge = "x".repeat(20_000);
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 400);
        requests.put("NOT HTTP AT ALL\r\n\r\n", 400);
        requests.put("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n", 400); // HTTP/1.1 without Host
        requests.put("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + huge + "\r\nConnection: close\r\n\r\n", 431);
        requests.put("GET /" + huge + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 414);
        requests.put("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 404);
        requests.put("TRACE /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 405);

        for (var request : requests.entrySet()) {
            String what = request.getKey().substring(0, Math.min(20, request.getKey().length())).replace("\r\n", " ");
            RawResponse response = rawExchange(request.getKey());

            assertThat(response.status()).as(what).isEqualTo(request.getValue());
            assertSecurityHeaders(what, response.headers());
            assertThat(response.headers().get("content-type")).as(what).containsExactly("application/problem+json");
            var problem = TestHttp.JSON.readTree(response.body());
            assertThat(problem.get("status").intValue()).as(what).isEqualTo(request.getValue());
            assertThat(problem.get("title").textValue()).as(what).isNotBlank();
            assertThat(response.body()).as(what).doesNotContain("<html").doesNotContain("Jetty");
        }
    }

    @Test
    void strictTransportSecurity_onlyWhenConfigured() throws Exception {
        assertThat(http.get("/health").header("Strict-Transport-Security")).isNull();
        assertThat(http.get("/nope").header("Strict-Transport-Security")).isNull();

        TestHttp behindTls = new TestHttp(hstsApp);
        assertThat(behindTls.get("/health").header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(behindTls.get("/nope").header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    }

    static void assertSecurityHeaders(String what, Map<String, List<String>> headers) {
        EXPECTED.forEach((name, value) -> assertThat(headers.get(name)).as(what + ": " + name).containsExactly(value));
        assertThat(headers).as(what + ": no Server header").doesNotContainKey("server");
        assertThat(headers).as(what + ": no X-Powered-By").doesNotContainKey("x-powered-by");
    }

    private static Response chunkedOverTheLimit(String auth) throws Exception {
        byte[] big = new byte[(int) HttpSettings.DEFAULT_MAX_REQUEST_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/v1/tasks"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response, 0);
    }

    record RawResponse(int status, Map<String, List<String>> headers, String body) {
    }

    /** Sends raw bytes over a socket; answers the status, the headers (names lower-cased) and the body. */
    static RawResponse rawExchange(String request) throws Exception {
        try (Socket socket = new Socket("localhost", app.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).as("the whole answer").startsWith("HTTP/1.1 ").contains("\r\n\r\n");
            int end = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), unused -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(end + 4));
        }
    }
}
