package dev.taskline.http.javalin.request;

import dev.taskline.http.javalin.problem.Problems;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds the limit before a byte of its
 * body is read (413). A body without a length (chunked) is stopped by Javalin's
 * {@code maxRequestSize} while it is read.
 */
public final class RequestSizeGuard implements Handler {

    private final long maxBytes;

    public RequestSizeGuard(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw Problems.contentTooLarge(maxBytes);
        }
    }
}
