package dev.taskline.http.javalin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskline.http.javalin.auth.AccountHandlers;
import dev.taskline.http.javalin.auth.AuthHandlers;
import dev.taskline.http.javalin.conversation.ConversationHandlers;
import dev.taskline.http.javalin.direct.DirectRoutes;
import dev.taskline.http.javalin.headers.CorsPolicy;
import dev.taskline.http.javalin.headers.ProtocolErrorHandler;
import dev.taskline.http.javalin.headers.SecurityHeaders;
import dev.taskline.http.javalin.json.JsonBodies;
import dev.taskline.http.javalin.json.JsonConfig;
import dev.taskline.http.javalin.problem.ProblemMapper;
import dev.taskline.http.javalin.problem.ProblemResponder;
import dev.taskline.http.javalin.request.RequestSizeGuard;
import dev.taskline.http.javalin.request.UnreadBodyDrain;
import dev.taskline.http.javalin.security.Access;
import dev.taskline.http.javalin.security.AuthThrottle;
import dev.taskline.http.javalin.security.BearerAuthentication;
import dev.taskline.http.javalin.security.JwtTokens;
import dev.taskline.http.javalin.security.KnownAccounts;
import dev.taskline.http.javalin.security.PasswordWorkLimiter;
import dev.taskline.http.javalin.task.TaskHandlers;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The HTTP adapter's entry point: an unstarted Javalin app serving the whole v1 contract. The
 * caller starts it on a port ({@code app.start(port)}) and stops it.
 *
 * <p>Request pipeline: the security headers (and, for allowed origins, CORS headers; a CORS
 * preflight is answered right there) are set before anything, so that every answer carries them,
 * errors included; the size guard (413 on a declared length over the limit) runs next; bearer
 * authentication runs before every matched route not marked {@link Access#PUBLIC}; registration
 * and login are throttled per client address and per account before any password is hashed, and
 * all password hashing shares one bounded {@link PasswordWorkLimiter}; handlers parse, call one
 * use case and answer a DTO; every failure,
 * whatever its origin, goes through the one {@link ProblemResponder} and leaves as
 * {@code application/problem+json}. Every GET route is registered for HEAD as well, so that HEAD
 * runs authentication and the real handler (Javalin's implicit HEAD would answer 200 without either).
 * A problem answered before the request body was read is sent first, and then the rest of the
 * body is read ({@link UnreadBodyDrain}), so that a client still sending can read it.
 *
 * <p>In front of Javalin, on Jetty's core API, {@link DirectRoutes} serve the ordinary requests of
 * the task routes and of the message routes with the same parts (authentication, use cases, JSON,
 * problems, headers) and hand every unusual one to Javalin (ADR 0009); Jetty's gzip handler
 * compresses the answers of both.
 */
public final class HttpApi {

    /** How long a refused request's body is waited for after the answer, at most. */
    private static final Duration DRAIN_TIME_LIMIT = Duration.ofSeconds(5);
    /** Javalin's default threshold for compressing an answer. */
    private static final int MIN_COMPRESSED_BYTES = 1500;

    private HttpApi() {
    }

    public static Javalin create(HttpSettings settings, UseCases useCases, HealthProbe health) {
        return create(settings, useCases, health, Clock.systemUTC());
    }

    /** With the clock that stamps and checks tokens, for tests. */
    static Javalin create(HttpSettings settings, UseCases useCases, HealthProbe health, Clock clock) {
        return create(settings, useCases, health, clock, true);
    }

    /** With {@code directRoutes} false every request goes through Javalin: for tests of the routes behind them. */
    static Javalin create(HttpSettings settings, UseCases useCases, HealthProbe health, Clock clock, boolean directRoutes) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(clock, "clock");

        ObjectMapper json = JsonConfig.objectMapper();
        JsonBodies bodies = new JsonBodies(json);
        var unreadBodies = new UnreadBodyDrain(drainBudget(settings.maxRequestBytes()), DRAIN_TIME_LIMIT);
        ProblemResponder problems = new ProblemResponder(new ProblemMapper(), json, unreadBodies);
        JwtTokens tokens = new JwtTokens(settings.jwt(), clock);
        PasswordWorkLimiter passwordWork = settings.passwordWork().limiter();
        AuthThrottle throttle = new AuthThrottle(settings.authRateLimits());
        SecurityHeaders securityHeaders = new SecurityHeaders(settings.hstsMaxAge());

        var knownAccounts = new KnownAccounts(KnownAccounts.DEFAULT_TTL);
        var authentication = new BearerAuthentication(tokens, useCases.getAccount(), knownAccounts);
        var auth = new AuthHandlers(useCases.register(), useCases.authenticate(), tokens, passwordWork, throttle, bodies);
        var account = new AccountHandlers(useCases.getAccount(), useCases.updateAccount(), useCases.deleteAccount(), knownAccounts,
                passwordWork, bodies);
        var tasks = new TaskHandlers(useCases.createTask(), useCases.getTask(), useCases.listTasks(), useCases.updateTask(),
                useCases.deleteTask(), bodies);
        var conversations = new ConversationHandlers(useCases.createConversation(), useCases.getConversation(),
                useCases.listConversations(), useCases.deleteConversation(), useCases.appendMessage(), useCases.listMessages(), bodies);

        var direct = new DirectRoutes(authentication, bodies, problems, securityHeaders, settings.cors(), settings.maxRequestBytes());
        if (directRoutes) {
            tasks.addDirectRoutes(direct);
            conversations.addDirectRoutes(direct);
        }
        GzipHandler compression = compression(direct);

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.concurrency.useVirtualThreads = true; // for whatever else Javalin runs
            config.jetty.threadPool = virtualThreads();
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(json, true));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false); // no "Server: Jetty(12.…)" telling attackers what to try
                http.setSendXPoweredBy(false);
                // Jetty caches header values per connection ignoring letter case by default: a token
                // with its case changed was then read as the cached, valid one. Tokens are case-sensitive.
                http.setHeaderCacheCaseSensitive(true);
                // And no per-connection header cache at all: a client sends a different token (or
                // date, or length) often enough that the cache was refilled on most requests
                // (~10 % of a GET's CPU in the profile, see docs/benchmarks.md) for nothing.
                http.setHeaderCacheSize(0);
            });
            // Compression by Jetty rather than Javalin, so that it covers the direct routes too.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new ProtocolErrorHandler(securityHeaders, json));
                withoutStatistics(server);
                // Innermost, after any handler the caller inserted before starting (the graceful
                // stop's request counter must see every request); Javalin then puts its servlet
                // context inside, behind the direct routes.
                innermostWrapper(server).setHandler(compression);
            });

            config.routes.exception(Exception.class, problems::handle);
            config.routes.exception(HttpResponseException.class, problems::handle);
            config.routes.exception(ValidationException.class, problems::handle);
            config.router.javaLangErrorHandler(problems::handleError);

            config.routes.before(securityHeaders);
            config.routes.before(new CorsPolicy(settings.cors()));
            config.routes.before(new RequestSizeGuard(settings.maxRequestBytes()));
            config.routes.beforeMatched(authentication);

            var healthHandler = new HealthHandler(health);
            config.routes.get(HealthHandler.PATH, healthHandler, Access.PUBLIC);
            config.routes.head(HealthHandler.PATH, healthHandler, Access.PUBLIC);
            auth.addRoutes(config.routes);
            account.addRoutes(config.routes);
            tasks.addRoutes(config.routes);
            conversations.addRoutes(config.routes);
        });
    }

    /**
     * Every task of the server on a virtual thread of its own, through Jetty's own pool rather than
     * the one {@code useVirtualThreads} gives (an executor Jetty cannot tell from platform threads):
     * with it the server makes half the {@code epoll_ctl} and a third of the {@code epoll_wait}
     * calls per request, as bare Jetty does, and a GET costs it about a sixth less CPU
     * (docs/benchmarks.md, ADR 0010). No cap on concurrent tasks, as before: the database pool is
     * what bounds the work.
     */
    private static VirtualThreadPool virtualThreads() {
        var pool = new VirtualThreadPool();
        pool.setName("taskline-http");
        pool.setMaxConcurrentTasks(0);
        return pool;
    }

    /**
     * gzip for clients that accept it, as Javalin's own compression did: answers of 1,500 bytes and
     * more (smaller ones gain less than the header costs), of the methods whose answers have a body.
     */
    private static GzipHandler compression(DirectRoutes direct) {
        GzipHandler gzip = new GzipHandler(direct);
        gzip.setMinGzipSize(MIN_COMPRESSED_BYTES);
        gzip.setIncludedMethods("GET", "POST", "PATCH");
        return gzip;
    }

    /**
     * Takes out the {@link StatisticsHandler} Javalin puts in every server: counters nobody here reads,
     * for which it wrapped every request and response (about 0.8 KB of allocation a request,
     * docs/benchmarks.md §8). The graceful stop has a handler of its own.
     */
    private static void withoutStatistics(Handler.Wrapper outer) {
        Handler.Wrapper parent = outer;
        while (parent.getHandler() instanceof Handler.Wrapper child) {
            if (child instanceof StatisticsHandler statistics) {
                Handler inner = statistics.getHandler();
                statistics.setHandler((Handler) null);
                parent.setHandler(inner);
            } else {
                parent = child;
            }
        }
    }

    private static Handler.Wrapper innermostWrapper(Handler.Wrapper outer) {
        Handler.Wrapper innermost = outer;
        while (innermost.getHandler() instanceof Handler.Wrapper inner) {
            innermost = inner;
        }
        if (innermost.getHandler() != null) {
            throw new IllegalStateException("the server already has a handler that is not a wrapper: " + innermost.getHandler());
        }
        return innermost;
    }

    /** A refused body is read up to four times the size limit; larger ones close the connection. */
    private static long drainBudget(long maxRequestBytes) {
        return maxRequestBytes > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : 4 * maxRequestBytes;
    }
}
