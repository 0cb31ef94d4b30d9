package dev.taskline.http.javalin.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.RegisteredClaims;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.http.javalin.JwtSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Issues and verifies the API's access tokens: HS256 JWTs whose {@code sub} is the user id.
 *
 * <p>Verification pins the algorithm ({@code JWT.require(HMAC256)}: a token whose header names
 * {@code none}, HS512, RS256... fails with an algorithm mismatch), requires {@code iss}, {@code sub},
 * {@code iat} and {@code exp} to be present (java-jwt would accept a token without {@code exp}),
 * checks the issuer, and tolerates the configured clock skew on {@code exp} and {@code iat}.
 *
 * <p>Secret rotation: tokens are signed with the current secret only. A token whose signature
 * does not match it is tried against the previous secrets, but only while the clock is before
 * {@link JwtSettings#previousSecretsUntil()}; after that, and for a secret never configured, the
 * signature failure stands. A previous secret vouches for the signature alone: the token's claims
 * (expiry, issuer...) are checked as strictly as ever.
 *
 * <p>A token verified once is remembered until it expires (or, when a previous secret vouched for
 * it, until that secret's deadline, whichever is first), so that the next requests with the same
 * token skip decoding its JSON and recomputing its HMAC (about a fifth of a simple GET's CPU). The
 * key is the SHA-256 of the exact token text: another text, even one differing only in letter
 * case, is verified in full; a refused token is never remembered; the expiry is checked on every
 * request. A restart forgets everything, and so does a new secret.
 */
public final class JwtTokens {

    public static final String TOKEN_TYPE = "Bearer";
    private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,18}");
    /** Enough for the tokens in use at once on one instance; each entry is about 150 bytes. */
    private static final int REMEMBERED_TOKENS = 20_000;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final List<JWTVerifier> previousVerifiers;
    private final Instant previousUntil;
    private final String issuer;
    private final Duration ttl;
    private final Duration leeway;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    /** What a successful verification established, and until when it holds. */
    private record Verified(UserId user, Instant validUntil) {
    }

    public JwtTokens(JwtSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public JwtTokens(JwtSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.algorithm = Algorithm.HMAC256(settings.secret());
        this.issuer = settings.issuer();
        this.ttl = settings.ttl();
        this.leeway = settings.leeway();
        this.verified = Caffeine.newBuilder()
                .maximumSize(REMEMBERED_TOKENS)
                .expireAfterWrite(settings.ttl().plus(settings.leeway()))
                .build();
        this.verifier = verifier(algorithm, settings, clock);
        this.previousVerifiers = settings.previousSecrets().stream()
                .map(previous -> verifier(Algorithm.HMAC256(previous), settings, clock))
                .toList();
        this.previousUntil = settings.previousSecretsUntil();
    }

    private static JWTVerifier verifier(Algorithm algorithm, JwtSettings settings, Clock clock) {
        var verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(settings.issuer())
                .withClaimPresence(RegisteredClaims.ISSUER)
                .withClaimPresence(RegisteredClaims.SUBJECT)
                .withClaimPresence(RegisteredClaims.ISSUED_AT)
                .withClaimPresence(RegisteredClaims.EXPIRES_AT)
                .acceptLeeway(settings.leeway().toSeconds());
        return verification.build(clock);
    }

    public IssuedToken issue(UserId user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS); // JWT times are whole seconds
        String token = JWT.create()
                .withIssuer(issuer)
                .withSubject(Long.toString(user.value()))
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ttl))
                .sign(algorithm);
        return new IssuedToken(token, ttl.toSeconds());
    }

    /** The user the token was issued to; throws {@link InvalidTokenException} for any token that is not a valid one of ours. */
    public UserId verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no token");
        }
        String key = digest(token);
        Verified remembered = verified.getIfPresent(key);
        if (remembered != null && clock.instant().isBefore(remembered.validUntil())) {
            return remembered.user();
        }
        Verified fresh = verifyInFull(token);
        verified.put(key, fresh);
        return fresh.user();
    }

    private Verified verifyInFull(String token) {
        DecodedJWT decoded;
        boolean byPreviousSecret;
        try {
            decoded = verifier.verify(token);
            byPreviousSecret = false;
        } catch (SignatureVerificationException notTheCurrentSecret) {
            decoded = verifyWithAPreviousSecret(token, notTheCurrentSecret);
            byPreviousSecret = true;
        } catch (JWTVerificationException rejected) {
            throw new InvalidTokenException(rejected.getMessage(), rejected);
        }
        String subject = decoded.getSubject();
        if (subject == null || !USER_ID.matcher(subject).matches()) {
            throw new InvalidTokenException("the subject is not a user id");
        }
        UserId user;
        try {
            user = new UserId(Long.parseLong(subject));
        } catch (NumberFormatException overflow) {
            throw new InvalidTokenException("the subject is not a user id", overflow);
        }
        // java-jwt accepts the token while now <= exp + leeway; remembered strictly before that.
        Instant validUntil = decoded.getExpiresAtAsInstant().plus(leeway);
        if (byPreviousSecret && previousUntil.isBefore(validUntil)) {
            validUntil = previousUntil;
        }
        return new Verified(user, validUntil);
    }

    private DecodedJWT verifyWithAPreviousSecret(String token, SignatureVerificationException notTheCurrentSecret) {
        if (previousVerifiers.isEmpty() || !clock.instant().isBefore(previousUntil)) {
            throw new InvalidTokenException(notTheCurrentSecret.getMessage(), notTheCurrentSecret);
        }
        for (JWTVerifier previous : previousVerifiers) {
            try {
                return previous.verify(token);
            } catch (SignatureVerificationException notThisOneEither) {
                // try the next previous secret
            } catch (JWTVerificationException rejected) {
                throw new InvalidTokenException(rejected.getMessage(), rejected);
            }
        }
        throw new InvalidTokenException(notTheCurrentSecret.getMessage(), notTheCurrentSecret);
    }

    private static String digest(String token) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return new String(sha256, StandardCharsets.ISO_8859_1); // 32 chars, one per byte
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", impossible);
        }
    }
}
