package dev.taskline.bootstrap;

import io.javalin.Javalin;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.time.Duration;

/**
 * Makes {@code app.stop()} graceful. Jetty 12 waits for requests in flight only when the server
 * has a stop timeout; Javalin's default server has none, so without it a stop cuts the requests in
 * flight and the pool is closed under them (GracefulShutdownFaultIT: 8 of 8 cut). On Jetty 12.1
 * the connectors then wait for their open connections themselves; the {@link GracefulHandler}
 * counts the requests as well, a second guard that does not depend on the connector's way of
 * stopping (the fault test passes without it on 12.1.13).
 *
 * <p>On stop: the listening socket and the idle connections close at once (a new request is
 * refused); the requests in flight get up to the grace period to finish; a request that still
 * slips in meanwhile is answered 503 through the server's error handler.
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
