package dev.taskline.bootstrap.faults;

import dev.taskline.bootstrap.AppConfig;
import dev.taskline.bootstrap.DatabaseTimeouts;
import dev.taskline.bootstrap.TasklineServer;
import dev.taskline.db.DatabaseUrl;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

/** Taskline servers started in the test's JVM for fault tests, on a database the test controls. */
final class FaultServers {
    private FaultServers() {
    }

    static TasklineServer start(DatabaseUrl database, int poolSize, DatabaseTimeouts timeouts, Path dataDirectory) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return TasklineServer.start(new AppConfig(0, Optional.of(database), poolSize, false, Optional.of(secret),
                Duration.ofHours(1), 10, dataDirectory, false, timeouts));
    }

    /** Closes each resource that was started (nulls are skipped), in order, even when one fails. */
    static void stopInOrder(AutoCloseable... resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not stop a test resource", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
