package dev.taskline.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The JWT signing secret: JWT_SECRET when set; in development without it, a random secret kept in
 * the data directory so that tokens survive a restart. Production refuses to start without
 * JWT_SECRET (see {@link AppConfig}).
 */
final class JwtSecrets {
    private static final Logger log = LoggerFactory.getLogger(JwtSecrets.class);
    private static final String FILE_NAME = "jwt-secret";

    private JwtSecrets() {
    }

    static byte[] resolve(AppConfig config) {
        return config.jwtSecret().orElseGet(() -> developmentSecret(config.dataDirectory()));
    }

    private static byte[] developmentSecret(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
                if (secret.length >= AppConfig.MIN_SECRET_BYTES) {
                    log.warn("JWT_SECRET is not set: using the development secret in {}. Set JWT_SECRET in production.", file);
                    return secret;
                }
            }
            byte[] secret = new byte[48];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(dataDirectory);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            log.warn("JWT_SECRET is not set: generated a development secret in {}. Set JWT_SECRET in production.", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the development JWT secret in " + file, e);
        }
    }
}
