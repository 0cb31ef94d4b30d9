package dev.taskline.http.javalin.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.http.javalin.JwtSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtTokensTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final JwtTokens tokens = new JwtTokens(JwtSettings.of(SECRET), clock);

    @Test
    void issuedToken_verifies_toItsUser() {
        IssuedToken token = tokens.issue(new UserId(42));

        assertThat(tokens.verify(token.value())).isEqualTo(new UserId(42));
        assertThat(token.expiresInSeconds()).isEqualTo(3600);
    }

    @Test
    void issuedToken_isHs256_withIssuerSubjectIssuedAtAndExpiry() {
        DecodedJWT decoded = JWT.decode(tokens.issue(new UserId(42)).value());

        assertThat(decoded.getAlgorithm()).isEqualTo("HS256");
        assertThat(decoded.getIssuer()).isEqualTo("taskline");
        assertThat(decoded.getSubject()).isEqualTo("42");
        assertThat(decoded.getIssuedAtAsInstant()).isEqualTo(T0);
        assertThat(decoded.getExpiresAtAsInstant()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void tokenWithoutExpiry_isRefused() {
        String token = JWT.create().withIssuer("taskline").withSubject("42").withIssuedAt(T0).sign(Algorithm.HMAC256(SECRET));

        assertRefused(token, MissingClaimException.class);
    }

    @Test
    void tokenWithoutIssuedAt_isRefused() {
        String token = JWT.create().withIssuer("taskline").withSubject("42").withExpiresAt(T0.plusSeconds(60))
                .sign(Algorithm.HMAC256(SECRET));

        assertRefused(token, MissingClaimException.class);
    }

    @Test
    void tokenWithoutSubject_isRefused() {
        String token = JWT.create().withIssuer("taskline").withIssuedAt(T0).withExpiresAt(T0.plusSeconds(60))
                .sign(Algorithm.HMAC256(SECRET));

        assertRefused(token, MissingClaimException.class);
    }

    @Test
    void tokenFromAnotherIssuer_isRefused() {
        String token = valid().withIssuer("someone-else").sign(Algorithm.HMAC256(SECRET));

        assertRefused(token, IncorrectClaimException.class);
    }

    @Test
    void tokenSignedWithAnotherSecret_isRefused() {
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        String token = valid().sign(Algorithm.HMAC256(other));

        assertRefused(token, SignatureVerificationException.class);
    }

    @Test
    void unsignedTokenWithAlgNone_isRefused() {
        String token = valid().sign(Algorithm.none());
        assertThat(JWT.decode(token).getAlgorithm()).isEqualTo("none");

        assertRefused(token, AlgorithmMismatchException.class);
    }

    @Test
    void handMadeAlgNoneToken_withTheSignatureStripped_isRefused() {
        String[] parts = tokens.issue(new UserId(42)).value().split("\\.");
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        assertRefused(header + "." + parts[1] + ".", AlgorithmMismatchException.class);
    }

    @Test
    void tokenSignedWithAnotherHmacAlgorithm_isRefused() {
        String token = valid().sign(Algorithm.HMAC512(SECRET));

        assertRefused(token, AlgorithmMismatchException.class);
    }

    @Test
    void changedPayload_withTheOriginalSignature_isRefused() {
        String[] parts = tokens.issue(new UserId(42)).value().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = base64Url(payload.replace("\"sub\":\"42\"", "\"sub\":\"1\""));
        assertThat(forged).isNotEqualTo(parts[1]);

        assertRefused(parts[0] + "." + forged + "." + parts[2], SignatureVerificationException.class);
    }

    @Test
    void expiredToken_isAcceptedWithinTheLeeway_andRefusedBeyondIt() {
        String token = tokens.issue(new UserId(42)).value();

        clock.advance(Duration.ofHours(1).plusSeconds(29));
        assertThat(tokens.verify(token)).isEqualTo(new UserId(42));

        clock.advance(Duration.ofSeconds(2));
        assertRefused(token, TokenExpiredException.class);
    }

    @Test
    void aVerifiedToken_withOneLetterInAnotherCase_isStillRefused_everyTime() {
        String token = tokens.issue(new UserId(42)).value();
        assertThat(tokens.verify(token)).isEqualTo(new UserId(42)); // now remembered

        for (int i = token.lastIndexOf('.') + 1; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                char swapped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                String forged = token.substring(0, i) + swapped + token.substring(i + 1);
                assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidTokenException.class);
            }
        }
        assertThat(tokens.verify(token)).isEqualTo(new UserId(42));
    }

    @Test
    void aVerifiedToken_isRefusedOnceExpired_howeverOftenItWasVerifiedBefore() {
        String token = tokens.issue(new UserId(42)).value();
        for (int minute = 0; minute <= 60; minute++) {
            assertThat(tokens.verify(token)).isEqualTo(new UserId(42));
            clock.advance(Duration.ofMinutes(1));
        }

        assertRefused(token, TokenExpiredException.class); // 1 h 1 min: beyond the 30 s leeway
        assertRefused(token, TokenExpiredException.class);
    }

    @Test
    void tokenIssuedInTheFutureBeyondTheLeeway_isRefused() {
        String token = valid().withIssuedAt(T0.plusSeconds(120)).withExpiresAt(T0.plusSeconds(3600)).sign(Algorithm.HMAC256(SECRET));

        assertRefused(token, IncorrectClaimException.class);
    }

    @Test
    void subjectThatIsNoUserId_isRefused() {
        for (String subject : new String[] {"alice", "0", "-1", "99999999999999999999", "1.5"}) {
            String token = valid().withSubject(subject).sign(Algorithm.HMAC256(SECRET));
            assertThatThrownBy(() -> tokens.verify(token)).as(subject).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void garbage_isRefused() {
        assertRefused("not.a.jwt", JWTDecodeException.class);
        assertRefused("abc", JWTDecodeException.class);
        assertThatThrownBy(() -> tokens.verify("")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void secretShorterThan32Bytes_isRefused() {
        assertThatThrownBy(() -> JwtSettings.of(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThat(JwtSettings.of(new byte[32]).secret()).hasSize(32);
    }

    @Test
    void settings_copyTheSecret_andNeverPrintIt() {
        byte[] secret = SECRET.clone();
        JwtSettings settings = JwtSettings.of(secret);
        Arrays.fill(secret, (byte) 0);

        assertThat(settings.secret()).isEqualTo(SECRET);
        assertThat(settings.toString()).doesNotContain("0123456789").contains("***");
        assertThat(settings).isEqualTo(JwtSettings.of(SECRET)).hasSameHashCodeAs(JwtSettings.of(SECRET));
    }

    @Test
    void settings_refuseANonPositiveLifetime_andANegativeLeeway() {
        assertThatThrownBy(() -> new JwtSettings(SECRET, "taskline", Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JwtSettings(SECRET, "taskline", Duration.ofHours(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JwtSettings(SECRET, " ", Duration.ofHours(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- rotation ----------------------------------------------------------------------------

    private static final byte[] NEW_SECRET = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLDER_SECRET = "00000000001111111111222222222233".getBytes(StandardCharsets.US_ASCII);

    private JwtTokens rotated(Instant until) {
        return new JwtTokens(JwtSettings.of(NEW_SECRET).withPreviousSecrets(List.of(OLDER_SECRET, SECRET), until), clock);
    }

    @Test
    void tokenOfAPreviousSecret_verifiesBeforeTheDeadline_andIsRefusedFromIt() {
        JwtTokens tokens = rotated(T0.plusSeconds(600));
        String old = this.tokens.issue(new UserId(42)).value(); // signed with SECRET, now the second previous secret
        String older = new JwtTokens(JwtSettings.of(OLDER_SECRET), clock).issue(new UserId(43)).value();

        assertThat(tokens.verify(old)).isEqualTo(new UserId(42));
        assertThat(tokens.verify(older)).isEqualTo(new UserId(43));

        clock.advance(Duration.ofSeconds(599));
        assertThat(tokens.verify(old)).isEqualTo(new UserId(42));

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens.verify(old)).isInstanceOf(InvalidTokenException.class)
                .hasCauseInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> tokens.verify(older)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rotatedTokens_areIssuedWithTheCurrentSecretOnly() {
        String issued = rotated(T0.plusSeconds(600)).issue(new UserId(7)).value();

        assertThat(new JwtTokens(JwtSettings.of(NEW_SECRET), clock).verify(issued)).isEqualTo(new UserId(7));
        assertThatThrownBy(() -> tokens.verify(issued)).isInstanceOf(InvalidTokenException.class)
                .hasCauseInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void tokenOfAnUnknownSecret_isRefused_evenWithinTheWindow() {
        byte[] unknown = "an unknown secret of 32 bytes!!!".getBytes(StandardCharsets.US_ASCII);
        String token = new JwtTokens(JwtSettings.of(unknown), clock).issue(new UserId(42)).value();

        assertThatThrownBy(() -> rotated(T0.plusSeconds(600)).verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasCauseInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void tokenOfAPreviousSecret_isStillCheckedForExpiry() {
        String old = tokens.issue(new UserId(42)).value();
        JwtTokens tokens = rotated(T0.plus(Duration.ofDays(1)));

        clock.advance(Duration.ofHours(1).plusSeconds(31));
        assertThatThrownBy(() -> tokens.verify(old)).isInstanceOf(InvalidTokenException.class)
                .hasCauseInstanceOf(TokenExpiredException.class);
    }

    @Test
    void previousSecretsShorterThan32Bytes_areRefused_andNeverPrinted() {
        assertThatThrownBy(() -> JwtSettings.of(NEW_SECRET).withPreviousSecrets(List.of(new byte[31]), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previous");

        JwtSettings settings = JwtSettings.of(NEW_SECRET).withPreviousSecrets(List.of(SECRET), T0);
        assertThat(settings.toString()).doesNotContain("0123456789").doesNotContain("fedcba").contains("previousSecrets=1");
        assertThat(settings).isEqualTo(JwtSettings.of(NEW_SECRET).withPreviousSecrets(List.of(SECRET.clone()), T0))
                .isNotEqualTo(JwtSettings.of(NEW_SECRET));
    }

    private static com.auth0.jwt.JWTCreator.Builder valid() {
        return JWT.create().withIssuer("taskline").withSubject("42").withIssuedAt(T0).withExpiresAt(T0.plusSeconds(3600));
    }

    private void assertRefused(String token, Class<? extends Exception> because) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasCauseInstanceOf(because);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
