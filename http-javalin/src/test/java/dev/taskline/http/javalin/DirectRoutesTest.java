package dev.taskline.http.javalin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.error.Unavailable;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.in.GetAccountUseCase;
import dev.taskline.http.javalin.direct.DirectAnswer;
import dev.taskline.http.javalin.direct.DirectRoutes;
import dev.taskline.http.javalin.headers.CorsSettings;
import dev.taskline.http.javalin.headers.SecurityHeaders;
import dev.taskline.http.javalin.json.JsonBodies;
import dev.taskline.http.javalin.json.JsonConfig;
import dev.taskline.http.javalin.json.JsonFields;
import dev.taskline.http.javalin.problem.ProblemMapper;
import dev.taskline.http.javalin.problem.ProblemResponder;
import dev.taskline.http.javalin.request.UnreadBodyDrain;
import dev.taskline.http.javalin.security.BearerAuthentication;
import dev.taskline.http.javalin.security.JwtTokens;
import dev.taskline.http.javalin.security.KnownAccounts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link DirectRoutes} answers itself and what it hands on. Behind it stands a handler that
 * answers 418 "handed on" (Javalin's place in the real server), and the routes count their calls:
 * a handed-on request must reach the handler behind untouched, and, when the route ran, it must
 * have changed nothing (it failed before reading its body).
 */
class DirectRoutesTest {

    private static final byte[] SECRET = "a direct routes secret of 32+ b!".getBytes(StandardCharsets.US_ASCII);
    private static final String ORIGIN = "https://app.example";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger writes = new AtomicInteger();
    /** A user whose account cannot be looked up: the database is down. */
    private static final UserId UNREACHABLE = new UserId(99);
    private static final AtomicInteger unreachableLookUps = new AtomicInteger();

    private static Server server;
    private static HttpClient http;
    private static String base;
    private static String bearer;
    private static JwtTokens tokens;

    @BeforeAll
    static void start() throws Exception {
        tokens = new JwtTokens(JwtSettings.of(SECRET));
        GetAccountUseCase accounts = FakeUseCases.create().getAccount();
        GetAccountUseCase lookUp = user -> {
            if (user.equals(UNREACHABLE)) {
                unreachableLookUps.incrementAndGet();
                throw new Unavailable(new SQLException("connection refused"));
            }
            return accounts.get(user);
        };
        var authentication = new BearerAuthentication(tokens, lookUp, new KnownAccounts(Duration.ofSeconds(30)));
        ObjectMapper json = JsonConfig.objectMapper();
        var bodies = new JsonBodies(json);
        var problems = new ProblemResponder(new ProblemMapper(), json, new UnreadBodyDrain(4096, Duration.ofSeconds(1)));
        var routes = new DirectRoutes(authentication, bodies, problems, new SecurityHeaders(Optional.empty()),
                CorsSettings.parse(ORIGIN), 1024);
        routes.get("/things", request -> {
            Map<String, Object> query = new LinkedHashMap<>();
            for (String name : new String[] {"a", "b", "flag", "none"}) {
                query.put(name, request.query(name));
            }
            query.put("user", request.user().value());
            return DirectAnswer.json(200, query);
        });
        routes.get("/things/{id}", request -> DirectAnswer.json(200, Map.of("id", request.pathId())).header("ETag", "\"1\""));
        routes.get("/things/{id}/parts", request -> DirectAnswer.json(200, Map.of("parts of", request.pathId())));
        routes.delete("/things/{id}", request -> {
            if (request.pathId().equals("404")) {
                throw new NotFound("thing 404 not found");
            }
            writes.incrementAndGet();
            return DirectAnswer.noContent();
        });
        routes.post("/things", request -> {
            JsonFields body = request.jsonObject(bodies);
            writes.incrementAndGet();
            return DirectAnswer.json(201, Map.of("name", String.valueOf(body.string("name")))).header("Location", "/things/1");
        });
        routes.patch("/things/{id}", request -> {
            if (request.header("X-Fail-Before-Body") != null) {
                throw new IllegalStateException("failed before reading the body");
            }
            request.jsonObject(bodies);
            writes.incrementAndGet();
            throw new IllegalStateException("failed after the write, with SQL: UPDATE things SET secret = 1");
        });
        routes.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  org.eclipse.jetty.util.Callback callback) throws IOException {
                // Read the body first, as Javalin does for the requests handed to it: a body left
                // unread makes Jetty close the connection after the answer, which the client may
                // already be reusing for its next request ("received no bytes", a flaky failure).
                Content.Source.consumeAll(request);
                response.setStatus(418);
                response.write(true, ByteBuffer.wrap("handed on".getBytes(StandardCharsets.US_ASCII)), callback);
                return true;
            }
        });
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(routes);
        server.start();
        base = "http://localhost:" + connector.getLocalPort();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        bearer = "Bearer " + tokens.issue(FakeUseCases.ALICE_ID).value();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @BeforeEach
    void resetCounts() {
        writes.set(0);
        unreachableLookUps.set(0);
    }

    @Test
    void answersAPlainRequestItself_withTheHeadersOfEveryAnswer() throws Exception {
        HttpResponse<String> answer = send("GET", "/things/42", null, "Authorization", bearer);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("id").asText()).isEqualTo("42");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.headers().firstValue("Content-Length")).hasValue(String.valueOf(answer.body().length()));
        assertThat(answer.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answer.headers().firstValue("Vary")).hasValue("Origin"); // CORS is configured
    }

    @Test
    void findsTheIdInTheMiddleOfAPath() throws Exception {
        HttpResponse<String> parts = send("GET", "/things/5/parts", null, "Authorization", bearer);

        assertThat(parts.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(parts.body()).path("parts of").asText()).isEqualTo("5");
        assertHandedOn(send("GET", "/things/5/part", null, "Authorization", bearer));
        assertHandedOn(send("GET", "/things/5/6/parts", null, "Authorization", bearer));
        assertHandedOn(send("GET", "/things/5/parts/", null, "Authorization", bearer));
    }

    @Test
    void readsTheQueryLikeJavalin_firstValueWins_aBareNameIsEmpty() throws Exception {
        JsonNode query = JSON.readTree(send("GET", "/things?a=1&b=x-y_z.~&a=2&flag", null, "Authorization", bearer).body());

        assertThat(query.path("a").asText()).isEqualTo("1");
        assertThat(query.path("b").asText()).isEqualTo("x-y_z.~");
        assertThat(query.path("flag").asText()).isEmpty();
        assertThat(query.path("none").isNull()).isTrue();
        assertThat(query.path("user").asLong()).isEqualTo(FakeUseCases.ALICE_ID.value());
    }

    @Test
    void writesAndAnswersABodyItself() throws Exception {
        HttpResponse<String> created = send("POST", "/things", "{\"name\":\"n\"}", "Authorization", bearer, "Content-Type", "application/json");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/things/1");
        assertThat(JSON.readTree(created.body()).path("name").asText()).isEqualTo("n");

        HttpResponse<String> deleted = send("DELETE", "/things/9", null, "Authorization", bearer);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(writes).hasValue(2);
    }

    @Test
    void answersAFailureAfterTheBodyWasRead_asAProblem_withoutInternals() throws Exception {
        HttpResponse<String> failed = send("PATCH", "/things/9", "{}", "Authorization", bearer, "Content-Type", "application/json");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(failed.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(failed.body()).contains("\"status\":500").doesNotContain("UPDATE").doesNotContain("secret");
        assertThat(writes).hasValue(1); // the route ran once: not handed on to run again

        HttpResponse<String> notFound = send("DELETE", "/things/404", null, "Authorization", bearer);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(notFound.body()).path("detail").asText()).isEqualTo("thing 404 not found");
    }

    @Test
    void answersAnAccountThatCannotBeLookedUp_itself_503_withoutASecondLookUp() throws Exception {
        String unreachable = "Bearer " + tokens.issue(UNREACHABLE).value();

        HttpResponse<String> read = send("GET", "/things/1", null, "Authorization", unreachable);
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(read.body()).doesNotContain("connection refused");
        HttpResponse<String> write = send("POST", "/things", "{\"name\":\"n\"}", "Authorization", unreachable,
                "Content-Type", "application/json");
        assertThat(write.statusCode()).isEqualTo(503);

        assertThat(unreachableLookUps).as("account look-ups: one per request").hasValue(2);
        assertThat(writes).hasValue(0);
    }

    @Test
    void handsOnWhatItDoesNotServe() throws Exception {
        assertHandedOn(send("GET", "/other", null, "Authorization", bearer));
        assertHandedOn(send("GET", "/things/", null, "Authorization", bearer));
        assertHandedOn(send("PUT", "/things/1", "{}", "Authorization", bearer, "Content-Type", "application/json"));
        assertHandedOn(send("HEAD", "/things/1", null, "Authorization", bearer));
    }

    @Test
    void handsOnWhatWouldNeedDecodingOrNormalising() throws Exception {
        assertHandedOn(send("GET", "/things/%34%32", null, "Authorization", bearer));
        assertHandedOn(send("GET", "/things/a.b", null, "Authorization", bearer));
        assertHandedOn(send("GET", "/things?a=%20", null, "Authorization", bearer));
        assertHandedOn(send("GET", "/things?a=x+y", null, "Authorization", bearer));
    }

    @Test
    void handsOnACallerItCannotAuthenticate_andCorsRequests() throws Exception {
        assertHandedOn(send("GET", "/things/1", null));
        assertHandedOn(send("GET", "/things/1", null, "Authorization", "Bearer not-a-token"));
        assertHandedOn(send("GET", "/things/1", null, "Authorization", bearer, "Origin", ORIGIN));
    }

    @Test
    void handsOnBodiesItWouldHaveToBoundOrDecode_andBodiesWhereNoneBelongs() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(2000) + "\"}";
        assertHandedOn(send("POST", "/things", big, "Authorization", bearer, "Content-Type", "application/json"));

        HttpRequest chunked = HttpRequest.newBuilder(URI.create(base + "/things"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{\"name\":\"n\"}".getBytes(StandardCharsets.UTF_8))))
                .build();
        assertHandedOn(http.send(chunked, BodyHandlers.ofString()));

        assertHandedOn(send("DELETE", "/things/1", "{}", "Authorization", bearer, "Content-Type", "application/json"));
        assertThat(writes).hasValue(0);
    }

    @Test
    void handsOnAFailureBeforeTheBodyWasRead_whichChangedNothing() throws Exception {
        assertHandedOn(send("POST", "/things", "name=n", "Authorization", bearer, "Content-Type", "text/plain")); // the 415 is Javalin's
        assertHandedOn(send("PATCH", "/things/1", "{}", "Authorization", bearer, "Content-Type", "application/json",
                "X-Fail-Before-Body", "yes"));
        assertThat(writes).hasValue(0);
    }

    private static void assertHandedOn(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("status of a request handed on").isEqualTo(418);
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }
}
