package dev.taskline.http.javalin;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How access tokens are signed and checked: HS256 with {@code secret}, issued by {@code issuer},
 * valid for {@code ttl}, with {@code leeway} of clock skew tolerated when verifying.
 *
 * <p>Rotation: tokens are always signed with {@code secret}; a token signed with one of
 * {@code previousSecrets} still verifies until {@code previousSecretsUntil} (exclusive), and is
 * refused from then on, like one signed with a secret never configured.
 *
 * <p>Every secret must be at least 32 bytes (256 bits, RFC 7518 §3.2); java-jwt does not enforce
 * it, so this record does. Secrets are copied in and out, and never printed.
 */
public record JwtSettings(byte[] secret, String issuer, Duration ttl, Duration leeway,
                          List<byte[]> previousSecrets, Instant previousSecretsUntil) {

    public static final int MIN_SECRET_BYTES = 32;
    public static final String DEFAULT_ISSUER = "taskline";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(30);

    public JwtSettings {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(leeway, "leeway");
        Objects.requireNonNull(previousSecrets, "previousSecrets");
        Objects.requireNonNull(previousSecretsUntil, "previousSecretsUntil");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes, got " + secret.length);
        }
        for (byte[] previous : previousSecrets) {
            if (previous.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("a previous JWT secret must be at least " + MIN_SECRET_BYTES + " bytes, got "
                        + previous.length);
            }
        }
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("the JWT issuer must not be blank");
        }
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the JWT lifetime must be at least one second: " + ttl);
        }
        if (leeway.isNegative()) {
            throw new IllegalArgumentException("the JWT leeway must not be negative: " + leeway);
        }
        secret = secret.clone();
        previousSecrets = previousSecrets.stream().map(byte[]::clone).toList();
    }

    /** Without previous secrets: only {@code secret} verifies. */
    public JwtSettings(byte[] secret, String issuer, Duration ttl, Duration leeway) {
        this(secret, issuer, ttl, leeway, List.of(), Instant.EPOCH);
    }

    /** The defaults: issuer {@value #DEFAULT_ISSUER}, one hour of validity, 30 seconds of leeway. */
    public static JwtSettings of(byte[] secret) {
        return new JwtSettings(secret, DEFAULT_ISSUER, DEFAULT_TTL, DEFAULT_LEEWAY);
    }

    /** These settings with {@code previous} secrets verifying until {@code until}. */
    public JwtSettings withPreviousSecrets(List<byte[]> previous, Instant until) {
        return new JwtSettings(secret, issuer, ttl, leeway, previous, until);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public List<byte[]> previousSecrets() {
        return previousSecrets.stream().map(byte[]::clone).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JwtSettings that
                && Arrays.equals(secret, that.secret)
                && issuer.equals(that.issuer)
                && ttl.equals(that.ttl)
                && leeway.equals(that.leeway)
                && previousSecretsUntil.equals(that.previousSecretsUntil)
                && sameSecrets(previousSecrets, that.previousSecrets);
    }

    private static boolean sameSecrets(List<byte[]> these, List<byte[]> those) {
        if (these.size() != those.size()) {
            return false;
        }
        for (int i = 0; i < these.size(); i++) {
            if (!Arrays.equals(these.get(i), those.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(secret), issuer, ttl, leeway, previousSecrets.size(), previousSecretsUntil);
    }

    @Override
    public String toString() {
        return "JwtSettings[secret=***, issuer=" + issuer + ", ttl=" + ttl + ", leeway=" + leeway
                + ", previousSecrets=" + previousSecrets.size() + " (***) until " + previousSecretsUntil + "]";
    }
}
