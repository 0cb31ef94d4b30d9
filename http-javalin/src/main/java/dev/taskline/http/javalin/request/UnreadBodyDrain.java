package dev.taskline.http.javalin.request;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads and discards what is left of a request body after an early answer has been sent, within
 * a byte budget and a time limit.
 *
 * <p>An early answer (413 on a declared length, 415, 401, 429, ...) leaves the body unread, and
 * Jetty closes a connection with unread input at once. A client that is still sending then gets a
 * TCP reset, which can destroy the answer before the client has read it: the client sees no answer
 * at all (RFC 9112 §9.6, "the TCP reset problem"; it made a 413 and a 415 flaky in CI). Sending the
 * answer first and then reading the rest lets every client read its 4xx, whether it reads while it
 * sends or only afterwards. The limits bound what a refused request can cost: a body declared larger
 * than the budget is not read, and a sender that stops is waited for at most the time limit; then the
 * connection closes as before.
 */
public final class UnreadBodyDrain {

    private final long budgetBytes;
    private final Duration timeLimit;

    public UnreadBodyDrain(long budgetBytes, Duration timeLimit) {
        if (budgetBytes < 0 || timeLimit.isNegative()) {
            throw new IllegalArgumentException("the budget and the time limit must not be negative");
        }
        this.budgetBytes = budgetBytes;
        this.timeLimit = timeLimit;
    }

    /**
     * Whether the request declares a body (a length or chunks) that fits the budget and that the
     * application has not read to its end: only then is there anything to drain. A body that was
     * read whole (a 400 on its content, say) needs neither draining nor closing the connection.
     */
    public boolean hasUnreadBody(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        boolean fitsTheBudget = declared > 0 ? declared <= budgetBytes : declared < 0 && request.getHeader("Transfer-Encoding") != null;
        return fitsTheBudget && !readToItsEnd(request);
    }

    /** Whether the next read, which does not wait, is the end of the body. Data it meets is discarded, as draining would. */
    private static boolean readToItsEnd(HttpServletRequest servletRequest) {
        Request request = ServletContextRequest.getServletContextRequest(servletRequest);
        if (request == null) {
            return false;
        }
        Content.Chunk chunk = request.read();
        if (chunk == null) {
            return false;
        }
        boolean end = chunk.isLast() && !chunk.hasRemaining() && !Content.Chunk.isFailure(chunk);
        chunk.release();
        return end;
    }

    /**
     * Reads the rest of the body and discards it; blocks the calling (virtual) thread at most the
     * time limit. Returns whether the body was read to its end.
     */
    public boolean readRest(HttpServletRequest servletRequest) {
        Request request = ServletContextRequest.getServletContextRequest(servletRequest);
        if (request == null) {
            return false;
        }
        long deadline = System.nanoTime() + timeLimit.toNanos();
        long drained = 0;
        try {
            while (drained <= budgetBytes) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    CompletableFuture<Void> more = new CompletableFuture<>();
                    request.demand(() -> more.complete(null));
                    more.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    continue;
                }
                drained += chunk.remaining();
                boolean failed = Content.Chunk.isFailure(chunk);
                boolean last = chunk.isLast();
                chunk.release();
                if (failed || last) {
                    return !failed;
                }
            }
            return false;
        } catch (TimeoutException | ExecutionException | RuntimeException stopped) {
            return false; // a sender that stopped, a reset: Jetty closes the connection
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
