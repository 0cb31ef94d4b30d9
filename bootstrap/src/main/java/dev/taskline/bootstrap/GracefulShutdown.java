package dev.taskline.bootstrap;

import io.javalin.Javalin;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.time.Duration;

/**
 * Makes {@code app.stop()} graceful. Jetty 12 waits for requests in flight only when the server
 * has a stop timeout; Javalin's default server has none, so without it a stop cuts the requests in
 * flight and the pool is closed under them (GracefulShutdownFaultIT: 8 of 8 cut). The
 * {@link GracefulHandler} answers what arrives once the stop has begun on a connection a client
 * kept open: without it such a request was served like any other by a server about to close its
 * pool; with it, 503 and {@code Connection: close}, so that the client goes elsewhere
 * (GracefulStopIT).
 *
 * <p>On stop: the listening socket closes at once (a new connection is refused); the requests in
 * flight get up to the grace period to finish; a request on an open connection is answered 503
 * through the server's error handler; an idle open connection does not hold the stop up.
 */
final class GracefulShutdown {

    private GracefulShutdown() {
    }

    /** To call before {@code app.start(...)}. */
    static void install(Javalin app, Duration grace) {
        Server server = app.jettyServer().server();
        server.setStopTimeout(grace.toMillis());
        server.insertHandler(new GracefulHandler());
    }
}
