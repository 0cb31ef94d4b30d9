package dev.taskline.http.javalin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A small HTTP client for tests of a running {@link HttpApi} on a random port. */
final class TestHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    TestHttp(Javalin app) {
        this.base = "http://localhost:" + app.port();
    }

    Response get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    Response postJson(String path, String json, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", path, json, all);
    }

    Response login(String email, String password, String... headers) throws Exception {
        return postJson("/api/v1/auth/login", JSON.writeValueAsString(Map.of("email", email, "password", password)), headers);
    }

    Response register(String email, String password, String... headers) throws Exception {
        return postJson("/api/v1/auth/register", JSON.writeValueAsString(Map.of("email", email, "password", password)), headers);
    }

    Response send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = CLIENT.send(request.build(), BodyHandlers.ofString());
        return new Response(response, System.nanoTime() - started);
    }

    record Response(HttpResponse<String> raw, long nanos) {

        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        /** Every header, names lower-cased. */
        Map<String, List<String>> allHeaders() {
            Map<String, List<String>> all = new TreeMap<>();
            raw.headers().map().forEach((name, values) -> all.put(name.toLowerCase(java.util.Locale.ROOT), values));
            return all;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(raw.body());
        }

        double millis() {
            return nanos / 1_000_000.0;
        }

        /** A problem document of this status and type, as the contract says. */
        Response assertProblem(int status, String type) throws IOException {
            assertThat(status()).as(body()).isEqualTo(status);
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.get("type").textValue()).isEqualTo("https://taskline.dev/problems/" + type);
            assertThat(problem.get("status").intValue()).isEqualTo(status);
            assertThat(problem.get("detail").textValue()).isNotBlank();
            return this;
        }
    }
}
