package dev.taskline.http.javalin.headers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskline.http.javalin.problem.Problem;
import dev.taskline.http.javalin.problem.ProblemType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers — requests refused before they reach the application: a request line
 * that is not HTTP, a malformed URI ({@code /%zz}), headers or a URI too large (431, 414) — as
 * problem documents with the security headers, instead of Jetty's HTML page. Installed as the
 * server's error handler.
 */
public final class ProtocolErrorHandler extends ErrorHandler {

    private final SecurityHeaders securityHeaders;
    private final ObjectMapper json;

    public ProtocolErrorHandler(SecurityHeaders securityHeaders, ObjectMapper json) {
        this.securityHeaders = Objects.requireNonNull(securityHeaders, "securityHeaders");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            response.setStatus(status);
        }
        if (status < 400) {
            status = HttpStatus.BAD_REQUEST_400;
            response.setStatus(status);
        }
        securityHeaders.values().forEach((name, value) -> response.getHeaders().put(name, value));
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(status)), callback);
        return true;
    }

    private byte[] body(int status) {
        Problem problem = switch (status) {
            case 400 -> Problem.of(ProblemType.MALFORMED_REQUEST, "the request is not valid HTTP");
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "no endpoint matches this path");
            case 413 -> Problem.of(ProblemType.CONTENT_TOO_LARGE, "the request is too large");
            case 500 -> Problem.of(ProblemType.INTERNAL_ERROR, "an unexpected error occurred; it has been logged");
            default -> {
                String title = HttpStatus.getMessage(status);
                yield Problem.generic(status, title, title);
            }
        };
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException impossible) {
            return ("{\"type\":\"about:blank\",\"title\":\"Error\",\"status\":" + status + ",\"detail\":\"error\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
