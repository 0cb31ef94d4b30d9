package dev.taskline.http.javalin;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: 200 {@code {"status":"up","database":"up"}} or 503 with both {@code "down"}. */
final class HealthHandler implements Handler {

    static final String PATH = "/health";
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);

    private final HealthProbe probe;

    HealthHandler(HealthProbe probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    @Override
    public void handle(Context ctx) {
        boolean up = databaseUp();
        String state = up ? "up" : "down";
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .header(Header.CACHE_CONTROL, "no-store")
                .json(new HealthResponse(state, state));
    }

    private boolean databaseUp() {
        try {
            return probe.databaseUp();
        } catch (RuntimeException failure) {
            LOG.warn("The health probe failed", failure);
            return false;
        }
    }

    record HealthResponse(String status, String database) {
    }
}
