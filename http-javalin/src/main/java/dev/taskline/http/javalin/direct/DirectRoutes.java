package dev.taskline.http.javalin.direct;

import dev.taskline.domain.model.user.UserId;
import dev.taskline.http.javalin.headers.CorsSettings;
import dev.taskline.http.javalin.headers.SecurityHeaders;
import dev.taskline.http.javalin.json.JsonBodies;
import dev.taskline.http.javalin.json.MediaTypes;
import dev.taskline.http.javalin.problem.Problem;
import dev.taskline.http.javalin.problem.ProblemException;
import dev.taskline.http.javalin.problem.ProblemReply;
import dev.taskline.http.javalin.problem.ProblemResponder;
import dev.taskline.http.javalin.security.BearerAuthentication;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The busiest routes served on Jetty's core handler API, in front of Javalin's servlet pipeline
 * (ADR 0009): the same use cases, parsing, problem documents and headers, without the servlet
 * request and response wrappers and Javalin's per-request context, which cost a GET as much server
 * CPU as everything else together (docs/benchmarks.md).
 *
 * <p>Javalin stays the authority on everything unusual: a request is handed to it untouched when
 * no direct route matches its method and path, when its path or query holds anything but unreserved
 * characters (no decoding here), when it comes with an {@code Origin} and CORS is configured, when
 * its body is chunked, encoded or over the size limit (or a body comes where none belongs), when
 * its token is refused, and when the route fails before reading the body it came with. So the
 * answers of this class are the plain successes, the failures of a route that has read its body
 * (or has none), and a caller's account that could not be looked up (503); those it writes itself,
 * through the same {@link ProblemResponder}.
 *
 * <p>Routes are added before the server starts, and only read afterwards.
 */
public final class DirectRoutes extends Handler.Wrapper {

    private static final String ID = "{id}";
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, MediaTypes.JSON);
    private static final HttpField PROBLEM_JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);

    private final BearerAuthentication authentication;
    private final JsonBodies bodies;
    private final ProblemResponder problems;
    private final boolean corsConfigured;
    private final long maxRequestBytes;
    private final List<HttpField> everyAnswer;
    /** "METHOD path" to route, for paths without an id. */
    private final Map<String, Target> collections = new HashMap<>();
    /** Routes whose path has an id segment, tried in turn. */
    private final List<ItemRoute> items = new ArrayList<>();

    private record Target(DirectRoute route, boolean takesBody) {
    }

    /** {@code prefix {id} suffix}: the id is one whole, non-empty segment. */
    private record ItemRoute(String method, String prefix, String suffix, Target target) {
        String idIn(String path) {
            int end = path.length() - suffix.length();
            if (end <= prefix.length() || !path.startsWith(prefix) || !path.endsWith(suffix)) {
                return null;
            }
            String id = path.substring(prefix.length(), end);
            return id.indexOf('/') < 0 ? id : null;
        }
    }

    public DirectRoutes(BearerAuthentication authentication, JsonBodies bodies, ProblemResponder problems,
                        SecurityHeaders securityHeaders, CorsSettings cors, long maxRequestBytes) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.corsConfigured = !cors.isEmpty();
        this.maxRequestBytes = maxRequestBytes;
        var fields = new ArrayList<HttpField>();
        securityHeaders.values().forEach((name, value) -> fields.add(new PreEncodedHttpField(name, value)));
        if (corsConfigured) {
            fields.add(new PreEncodedHttpField(HttpHeader.VARY, "Origin")); // as CorsPolicy says on every answer
        }
        this.everyAnswer = List.copyOf(fields);
    }

    public DirectRoutes get(String path, DirectRoute route) {
        return add("GET", path, route, false);
    }

    public DirectRoutes delete(String path, DirectRoute route) {
        return add("DELETE", path, route, false);
    }

    public DirectRoutes post(String path, DirectRoute route) {
        return add("POST", path, route, true);
    }

    public DirectRoutes patch(String path, DirectRoute route) {
        return add("PATCH", path, route, true);
    }

    private DirectRoutes add(String method, String path, DirectRoute route, boolean takesBody) {
        Target target = new Target(Objects.requireNonNull(route, "route"), takesBody);
        int id = path.indexOf(ID);
        if (id >= 0) {
            items.add(new ItemRoute(method, path.substring(0, id), path.substring(id + ID.length()), target));
        } else {
            collections.put(method + " " + path, target);
        }
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        String pathId = null;
        boolean plainPath = path != null && isPlain(path, true);
        Target target = plainPath ? collections.get(method + " " + path) : null;
        for (int i = 0; target == null && plainPath && i < items.size(); i++) {
            ItemRoute item = items.get(i);
            pathId = item.method().equals(method) ? item.idIn(path) : null;
            target = pathId == null ? null : item.target();
        }
        if (target == null || !servable(request, target)) {
            return super.handle(request, response, callback);
        }
        UserId user;
        try {
            user = authentication.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        } catch (ProblemException refused) {
            return super.handle(request, response, callback); // Javalin answers it, as on every other route
        } catch (RuntimeException unconfirmed) {
            // The account could not be looked up (the database is down): answered here rather than
            // making the client wait for a second look-up; a body sent along is read first.
            if (target.takesBody()) {
                Content.Source.consumeAll(request);
            }
            answerProblem(unconfirmed, request, response, callback);
            return true;
        }
        var exchange = new DirectRequest(request, user, pathId, target.takesBody());
        try {
            DirectAnswer answer = target.route().serve(exchange);
            byte[] body = answer.body() == null ? null : bodies.bytes(answer.body());
            response.setStatus(answer.status());
            HttpFields.Mutable headers = startHeaders(response, body == null ? null : JSON, body);
            answer.headers().forEach(header -> headers.add(header[0], header[1]));
            response.write(true, body == null ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body), callback);
        } catch (Throwable failure) {
            if (exchange.bodyUnread()) {
                return super.handle(request, response, callback); // nothing changed: Javalin answers it
            }
            answerProblem(failure, request, response, callback);
        }
        return true;
    }

    private void answerProblem(Throwable failure, Request request, Response response, Callback callback) {
        ProblemReply reply = problems.reply(failure, request.getMethod(), request.getHttpURI().getPath());
        byte[] document = problems.serialize(reply.problem());
        response.reset();
        response.setStatus(reply.status());
        HttpFields.Mutable headers = startHeaders(response, PROBLEM_JSON, document);
        reply.headers().forEach(headers::put);
        response.write(true, ByteBuffer.wrap(document), callback);
    }

    /** Whether this request is one the direct route answers exactly as Javalin would (see the class comment). */
    private boolean servable(Request request, Target target) {
        HttpFields headers = request.getHeaders();
        if (corsConfigured && headers.contains(HttpHeader.ORIGIN)) {
            return false;
        }
        String query = request.getHttpURI().getQuery();
        if (query != null && !isPlain(query, false)) {
            return false;
        }
        if (headers.contains(HttpHeader.TRANSFER_ENCODING) || headers.contains(HttpHeader.CONTENT_ENCODING)) {
            return false;
        }
        long length = request.getLength();
        return target.takesBody() ? length >= 0 && length <= maxRequestBytes : length <= 0;
    }

    private HttpFields.Mutable startHeaders(Response response, HttpField contentType, byte[] body) {
        HttpFields.Mutable headers = response.getHeaders();
        everyAnswer.forEach(headers::add);
        if (body != null) {
            headers.add(contentType);
            headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        }
        return headers;
    }

    /**
     * Nothing to decode or normalise: RFC 3986's unreserved characters, plus {@code /} in a path
     * (but no {@code .}, so no dot segments) or {@code &} and {@code =} in a query.
     */
    private static boolean isPlain(String text, boolean path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '~' || (c == '.' && !path);
            if (!unreserved && !(path ? c == '/' : c == '&' || c == '=')) {
                return false;
            }
        }
        return true;
    }
}
