package dev.taskline.http.javalin;

import dev.taskline.http.javalin.security.JwtTokens;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler the caller inserts into the server before starting the app (the composition root's
 * graceful stop counts requests in flight that way) must stay outermost: the direct routes and
 * Javalin both sit inside it, so it sees every request. And Javalin's statistics handler is not in
 * the chain at all (nothing reads its counters; it wrapped every request).
 */
class HandlerChainTest {

    private static final byte[] SECRET = "a handler chain test secret, 32+ b".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aHandlerInsertedBeforeStart_seesTheDirectRoutesRequests_andJavalins() throws Exception {
        HttpSettings settings = HttpSettings.defaults(JwtSettings.of(SECRET));
        Javalin app = HttpApi.create(settings, FakeUseCases.create(), () -> true);
        AtomicInteger seen = new AtomicInteger();
        app.jettyServer().server().insertHandler(new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                seen.incrementAndGet();
                return super.handle(request, response, callback);
            }
        });
        app.start(0);
        try {
            var http = new TestHttp(app);
            String bearer = "Bearer " + new JwtTokens(settings.jwt()).issue(FakeUseCases.ALICE_ID).value();

            assertThat(http.get("/api/v1/tasks/7", "Authorization", bearer).status()).isEqualTo(200); // a direct route
            assertThat(http.get("/api/v1/me", "Authorization", bearer).status()).isEqualTo(200); // Javalin's
            assertThat(seen).hasValue(2);
        } finally {
            app.stop();
        }
    }

    @Test
    void javalinsStatisticsHandler_isNotInTheChain_whileCompressionAndGracefulStopStay() throws Exception {
        Javalin app = HttpApi.create(HttpSettings.defaults(JwtSettings.of(SECRET)), FakeUseCases.create(), () -> true);
        Server server = app.jettyServer().server();
        server.insertHandler(new GracefulHandler());
        app.start(0);
        try {
            assertThat(server.getDescendant(StatisticsHandler.class)).isNull();
            assertThat(server.getDescendant(GracefulHandler.class)).isNotNull();
            assertThat(server.getDescendant(GzipHandler.class)).isNotNull();
            assertThat(new TestHttp(app).get("/health").status()).isEqualTo(200);
        } finally {
            app.stop();
        }
    }
}
