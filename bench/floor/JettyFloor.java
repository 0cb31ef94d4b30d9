import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * How fast this machine serves {@code GET /api/v1/tasks/{id}} (and {@code DELETE}, the same way
 * with the server's {@code DELETE} statement and a 204) with Taskline's libraries but without
 * Javalin, the servlet layer and Taskline's own layers: Jetty's core handler API on virtual threads,
 * the bearer token checked by java-jwt and remembered per token text, the same SELECT through
 * HikariCP (16 connections) and pgjdbc, a JSON body, the same security headers and an ETag. It
 * answers that one route and {@code /health}, nothing else: an experiment that tells how much of the
 * distance to the ceiling the stack itself takes (docs/benchmarks.md, "The floor of the stack").
 *
 * <pre>
 *   bench/run.sh --floor                  # after the scenarios, against get_task's and delete_task's ceilings
 *   java -cp bootstrap/target/taskline.jar bench/floor/JettyFloor.java    # by hand
 * </pre>
 * Environment: PORT (18190), JDBC_URL (the benchmark's database on 127.0.0.1), JWT_SECRET (the
 * benchmark's), THREADS=platform for Jetty's QueuedThreadPool instead of virtual threads. Drive it
 * with {@code bench/wrk/get_task.lua} and the parameters of a kept benchmark run.
 */
public final class JettyFloor {

    private static final String PREFIX = "/api/v1/tasks/";
    private static final String SELECT = "SELECT id, user_id, title, description, status, due_date, version, created_at, updated_at"
            + " FROM tasks WHERE user_id = ? AND id = ?";
    private static final String DELETE = "DELETE FROM tasks WHERE user_id = ? AND id = ?";
    private static final List<HttpField> FIXED = List.of(
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json"),
            new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
            new PreEncodedHttpField("X-Frame-Options", "DENY"),
            new PreEncodedHttpField("Referrer-Policy", "no-referrer"),
            new PreEncodedHttpField("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
            new PreEncodedHttpField("Cache-Control", "no-store"));

    record Verified(long user, long expiresAtMillis) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "18190"));
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(System.getenv().getOrDefault("JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/taskline_bench?user=postgres"));
        pool.setMaximumPoolSize(16);
        pool.setMinimumIdle(16);
        HikariDataSource data = new HikariDataSource(pool);
        JWTVerifier verifier = JWT.require(Algorithm.HMAC256(System.getenv("JWT_SECRET"))).withIssuer("taskline").build();
        var verified = new ConcurrentHashMap<String, Verified>();

        ThreadPool threads = "platform".equals(System.getenv("THREADS")) ? new QueuedThreadPool(200, 8) : new VirtualThreadPool();
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = request.getHttpURI().getPath();
                if (path.equals("/health")) {
                    return answer(response, callback, 200, "{\"status\":\"ok\"}", null);
                }
                String method = request.getMethod();
                if (!path.startsWith(PREFIX) || !("GET".equals(method) || "DELETE".equals(method))) {
                    return answer(response, callback, 404, "{\"status\":404}", null);
                }
                String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                Long user = authorization != null && authorization.startsWith("Bearer ")
                        ? user(authorization.substring(7), verifier, verified) : null;
                if (user == null) {
                    return answer(response, callback, 401, "{\"status\":401}", null);
                }
                long id;
                try {
                    id = Long.parseLong(path, PREFIX.length(), path.length(), 10);
                } catch (NumberFormatException notAnId) {
                    return answer(response, callback, 404, "{\"status\":404}", null);
                }
                if ("DELETE".equals(method)) {
                    try (Connection connection = data.getConnection();
                            PreparedStatement statement = connection.prepareStatement(DELETE)) {
                        statement.setLong(1, user);
                        statement.setLong(2, id);
                        return statement.executeUpdate() == 1
                                ? answer(response, callback, 204, null, null)
                                : answer(response, callback, 404, "{\"status\":404}", null);
                    }
                }
                try (Connection connection = data.getConnection();
                        PreparedStatement statement = connection.prepareStatement(SELECT)) {
                    statement.setLong(1, user);
                    statement.setLong(2, id);
                    try (ResultSet row = statement.executeQuery()) {
                        if (!row.next()) {
                            return answer(response, callback, 404, "{\"status\":404}", null);
                        }
                        StringBuilder json = new StringBuilder(320).append("{\"id\":").append(row.getLong(1))
                                .append(",\"title\":");
                        quote(json, row.getString(3)).append(",\"description\":");
                        String description = row.getString(4);
                        (description == null ? json.append("null") : quote(json, description)).append(",\"status\":");
                        quote(json, row.getString(5)).append(",\"due_date\":");
                        var due = row.getObject(6, java.time.LocalDate.class);
                        (due == null ? json.append("null") : json.append('"').append(due).append('"'))
                                .append(",\"version\":").append(row.getLong(7))
                                .append(",\"created_at\":\"").append(row.getObject(8, OffsetDateTime.class).toInstant())
                                .append("\",\"updated_at\":\"").append(row.getObject(9, OffsetDateTime.class).toInstant())
                                .append("\"}");
                        return answer(response, callback, 200, json.toString(), "\"" + row.getLong(7) + "\"");
                    }
                }
            }
        });
        server.start();
        server.join();
    }

    private static Long user(String token, JWTVerifier verifier, ConcurrentHashMap<String, Verified> verified) {
        Verified known = verified.get(token);
        if (known == null) {
            try {
                var decoded = verifier.verify(token);
                known = new Verified(Long.parseLong(decoded.getSubject()), decoded.getExpiresAt().getTime());
                verified.put(token, known);
            } catch (RuntimeException refused) {
                return null;
            }
        }
        return System.currentTimeMillis() < known.expiresAtMillis() ? known.user() : null;
    }

    private static boolean answer(Response response, Callback callback, int status, String body, String etag) {
        response.setStatus(status);
        var headers = response.getHeaders();
        (body == null ? FIXED.subList(1, FIXED.size()) : FIXED).forEach(headers::add); // no Content-Type without a body
        if (etag != null) {
            headers.put(HttpHeader.ETAG, etag);
        }
        if (body == null) {
            response.write(true, null, callback);
            return true;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }
}
