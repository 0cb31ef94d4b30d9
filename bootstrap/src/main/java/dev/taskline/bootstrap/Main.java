package dev.taskline.bootstrap;

import dev.taskline.db.DatabaseReadiness.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar taskline.jar}: configuration from the environment, stop on SIGTERM. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    /** The JDK's system property for how many carrier threads run the virtual threads. */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    public static void main(String[] args) {
        oneCarrierMoreThanCores();
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

    /**
     * One carrier thread more than the JDK's default of one per core, unless the operator chose
     * (set before the first virtual thread starts, which fixes the scheduler). Jetty's selector
     * runs on a virtual thread too; with carriers only for the cores, a page of tasks (CPU-heavy
     * JSON) kept both busy and the selector waited behind them: p99 12.7–15.2 ms against 6.3–6.9
     * with the spare carrier, at the same throughput (ADR 0010).
     */
    static void oneCarrierMoreThanCores() {
        if (System.getProperty(CARRIERS) == null) {
            System.setProperty(CARRIERS, Integer.toString(Runtime.getRuntime().availableProcessors() + 1));
        }
    }
}
