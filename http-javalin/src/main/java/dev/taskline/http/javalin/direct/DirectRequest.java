package dev.taskline.http.javalin.direct;

import dev.taskline.domain.model.user.UserId;
import dev.taskline.http.javalin.json.JsonBodies;
import dev.taskline.http.javalin.json.JsonFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * One request as a {@link DirectRoute} sees it: the authenticated caller, the path's id segment,
 * the query, the headers and the JSON body. {@link DirectRoutes} only lets through a query made of
 * unreserved characters, so its parameters need no decoding; the first of repeated parameters
 * counts, as with Javalin.
 */
public final class DirectRequest {

    private final Request request;
    private final UserId user;
    private final String pathId;
    private final boolean hasBody;
    private boolean bodyRead;

    DirectRequest(Request request, UserId user, String pathId, boolean hasBody) {
        this.request = request;
        this.user = user;
        this.pathId = pathId;
        this.hasBody = hasBody;
    }

    public UserId user() {
        return user;
    }

    /** The path's {@code {id}} segment, as sent. */
    public String pathId() {
        return pathId;
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The first value of query parameter {@code name}; {@code ""} for a name without a value; {@code null} when absent. */
    public String query(String name) {
        String query = request.getHttpURI().getQuery();
        if (query == null) {
            return null;
        }
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            int equals = query.indexOf('=', start);
            int nameEnd = equals >= 0 && equals < end ? equals : end;
            if (nameEnd - start == name.length() && query.startsWith(name, start)) {
                return nameEnd == end ? "" : query.substring(nameEnd + 1, end);
            }
            start = end + 1;
        }
        return null;
    }

    /** The body, which must be a JSON object; the rules of {@link JsonBodies#requireObject(String, java.util.function.Supplier)}. */
    public JsonFields jsonObject(JsonBodies bodies) {
        return bodies.requireObject(request.getHeaders().get(HttpHeader.CONTENT_TYPE), this::body);
    }

    /** Whether the request has a body not read yet: a failure then has changed nothing. */
    boolean bodyUnread() {
        return hasBody && !bodyRead;
    }

    private byte[] body() {
        try {
            // DirectRoutes only serves bodies with a declared length within the limit: read straight
            // into an array of that length (Content.Source.asByteBuffer grew a buffer of its own
            // first: 21 against 13 KB allocated per POST /tasks, docs/benchmarks.md §8).
            byte[] body = new byte[Math.toIntExact(request.getLength())];
            InputStream content = Content.Source.asInputStream(request);
            if (content.readNBytes(body, 0, body.length) != body.length || content.read() != -1) {
                throw new IOException("the body's length differs from its Content-Length");
            }
            bodyRead = true;
            return body;
        } catch (IOException failed) {
            // Left unread: Javalin then meets the same failure and answers it as it always has.
            throw new UncheckedIOException("could not read the request body", failed);
        }
    }
}
