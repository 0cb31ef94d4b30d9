package dev.taskline.http.javalin.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskline.domain.error.Unavailable;
import dev.taskline.http.javalin.request.UnreadBodyDrain;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes problem documents for Javalin: the single exception handler of the app (registered for
 * {@link Exception}, Javalin's {@code HttpResponseException} and {@code ValidationException}), and
 * the last resort for {@link Error}s.
 */
public final class ProblemResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);

    private final ProblemMapper mapper;
    private final ObjectMapper json;
    private final UnreadBodyDrain unreadBodies;

    public ProblemResponder(ProblemMapper mapper, ObjectMapper json, UnreadBodyDrain unreadBodies) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.json = Objects.requireNonNull(json, "json");
        this.unreadBodies = Objects.requireNonNull(unreadBodies, "unreadBodies");
    }

    public void handle(Exception failure, Context ctx) {
        ProblemReply reply = mapper.map(failure);
        log(failure, reply, String.valueOf(ctx.method()), ctx.path());
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        ctx.contentType(Problem.MEDIA_TYPE);
        byte[] document = serialize(reply.problem());
        if (unreadBodies.hasUnreadBody(ctx.req())) {
            sendThenReadTheRestOfTheBody(ctx, document);
        } else {
            ctx.result(document);
        }
    }

    /**
     * The body may still be on its way: the answer goes out at once, complete (with its length),
     * and then the rest of the body is read, so that a client still sending can read the answer
     * (see {@link UnreadBodyDrain}). Javalin then has no result left to write. The answer says
     * {@code Connection: close}: Jetty closes a connection whose body the application did not read
     * itself, and a client must not send its next request on it.
     */
    private void sendThenReadTheRestOfTheBody(Context ctx, byte[] document) {
        HttpServletResponse response = ctx.res();
        try {
            response.setHeader("Connection", "close");
            response.setContentLength(document.length);
            response.getOutputStream().write(document);
            response.flushBuffer();
        } catch (IOException clientGone) {
            LOG.debug("Could not send the problem for {} {}", ctx.method(), ctx.path(), clientGone);
            return;
        }
        unreadBodies.readRest(ctx.req());
    }

    /** For a {@link Error} thrown while serving a request: Javalin hands over only the servlet response. */
    public void handleError(HttpServletResponse response, Error error) {
        ProblemReply reply = fatal(error);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.setStatus(reply.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.getOutputStream().write(serialize(reply.problem()));
        } catch (IOException | RuntimeException cannotWrite) {
            LOG.debug("Could not write the problem for a fatal error", cannotWrite);
        }
    }

    /**
     * For a request served outside Javalin ({@code DirectRoutes}): the reply for {@code failure},
     * logged like every other; the caller writes it, with {@link #serialize} as its body.
     */
    public ProblemReply reply(Throwable failure, String method, String path) {
        if (failure instanceof Error error) {
            return fatal(error);
        }
        ProblemReply reply = mapper.map(failure);
        log(failure, reply, method, path);
        return reply;
    }

    private static ProblemReply fatal(Error error) {
        LOG.error("Fatal error while serving a request", error);
        return new ProblemReply(Problem.of(ProblemType.INTERNAL_ERROR, ProblemMapper.INTERNAL_ERROR_DETAIL));
    }

    public byte[] serialize(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException impossible) {
            // A record of strings and an int: cannot fail, but never let the error path throw.
            return ("{\"type\":\"about:blank\",\"title\":\"Internal server error\",\"status\":500,\"detail\":\""
                    + ProblemMapper.INTERNAL_ERROR_DETAIL + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void log(Throwable failure, ProblemReply reply, String method, String path) {
        if (reply.status() >= 500 && failure instanceof Unavailable) {
            LOG.warn("{} {} answered {}: {}", method, path, reply.status(), failure.getMessage(), failure.getCause());
        } else if (reply.status() >= 500) {
            LOG.error("{} {} failed unexpectedly", method, path, failure);
        } else {
            LOG.debug("{} {} answered {}: {}", method, path, reply.status(), reply.problem().detail());
        }
    }
}
