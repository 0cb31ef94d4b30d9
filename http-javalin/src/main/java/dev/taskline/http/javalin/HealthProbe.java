package dev.taskline.http.javalin;

/** Answers {@code GET /health}; a probe that throws counts as down. */
@FunctionalInterface
public interface HealthProbe {

    boolean databaseUp();
}
