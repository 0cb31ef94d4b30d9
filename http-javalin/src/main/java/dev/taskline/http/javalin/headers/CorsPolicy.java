package dev.taskline.http.javalin.headers;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/**
 * Cross-origin access for the configured origins only. For a request from an allowed origin,
 * every answer (errors included, so that scripts can read problem documents) names the origin and
 * exposes {@code ETag}, {@code Location} and {@code Retry-After}; a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) is answered 204 here with the methods and request headers
 * the API uses, before authentication and routing. For any other origin, or with none configured,
 * no {@code Access-Control-*} header is ever sent, and a preflight falls through to routing (and
 * its 404 or 405): the browser then refuses the call.
 *
 * <p>No {@code Access-Control-Allow-Credentials}: the API authenticates with a bearer token that
 * scripts send themselves, not with cookies.
 */
public final class CorsPolicy implements Handler {

    public static final String ALLOWED_METHODS = "GET, HEAD, POST, PATCH, DELETE";
    public static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match";
    public static final String EXPOSED_HEADERS = "ETag, Location, Retry-After";
    /** How long a browser may reuse a preflight's answer, in seconds. */
    public static final String MAX_AGE = "600";

    private final CorsSettings settings;

    public CorsPolicy(CorsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void handle(Context ctx) {
        if (settings.isEmpty()) {
            return;
        }
        ctx.res().addHeader("Vary", "Origin");
        String origin = ctx.header("Origin");
        if (!settings.allows(origin)) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        if (HandlerType.OPTIONS.equals(ctx.method()) && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", MAX_AGE);
            ctx.status(HttpStatus.NO_CONTENT);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
}
