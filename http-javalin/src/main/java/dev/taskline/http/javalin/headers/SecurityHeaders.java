package dev.taskline.http.javalin.headers;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts the security headers on every answer, set before anything else runs so that errors, 404s
 * and 405s carry them too (and, through {@code ProtocolErrorHandler}, the answers Jetty makes
 * itself to requests that never reach the application): the API serves JSON only, so nothing may
 * be sniffed as another type, framed, cached, or leak its URL as a referrer.
 * {@code Strict-Transport-Security} only when configured: it tells browsers to refuse plain HTTP
 * to this host, which is right behind TLS and wrong on a developer's {@code http://localhost}.
 */
public final class SecurityHeaders implements Handler {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final Map<String, String> headers;

    public SecurityHeaders(Optional<Duration> hstsMaxAge) {
        Objects.requireNonNull(hstsMaxAge, "hstsMaxAge");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("X-Content-Type-Options", "nosniff");
        all.put("X-Frame-Options", "DENY");
        all.put("Referrer-Policy", "no-referrer");
        all.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        all.put("Cache-Control", "no-store");
        hstsMaxAge.ifPresent(maxAge -> all.put("Strict-Transport-Security", "max-age=" + maxAge.toSeconds()));
        this.headers = java.util.Collections.unmodifiableMap(all);
    }

    @Override
    public void handle(Context ctx) {
        headers.forEach(ctx::header);
    }

    /** The headers, in the order they are sent. */
    public Map<String, String> values() {
        return headers;
    }
}
