package dev.taskline.archfixture.http.javalin;

import dev.taskline.archfixture.bootstrap.AppConfig;

/** Violates: nothing depends on the composition root. */
public class HandlerThatReadsTheConfig {
    public int port(AppConfig config) {
        return config.port();
    }
}
