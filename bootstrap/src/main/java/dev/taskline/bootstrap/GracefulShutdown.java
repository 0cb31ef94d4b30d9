package dev.taskline.bootstrap;

import io.javalin.Javalin;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.time.Duration;

/**
 * Makes {@code app.stop()} graceful. Jetty 12 waits for requests in flight only when the server
 * has a stop timeout <em>and</em> a {@link GracefulHandler} counts the requests; Javalin's default
 * server has neither (its StatisticsHandler no longer takes part in a graceful stop), so without
 * this a stop cuts the requests in flight, and the pool is closed under them.
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
