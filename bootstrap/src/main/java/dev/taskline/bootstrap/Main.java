package dev.taskline.bootstrap;

import dev.taskline.db.DatabaseReadiness.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar taskline.jar}: configuration from the environment, stop on SIGTERM. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            log.error("Configuration refused: {}", e.getMessage());
            System.exit(2);
            return;
        }
        TasklineServer server;
        try {
            server = TasklineServer.start(config);
        } catch (DatabaseUnreachable e) {
            log.error("Taskline could not start: {}", e.getMessage()); // the message says it all: no stack trace
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            log.error("Taskline could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        // SIGTERM and SIGINT run shutdown hooks: stop taking requests, finish those in flight, close the pool.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "taskline-shutdown"));
    }
}
