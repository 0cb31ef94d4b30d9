package dev.taskline.bootstrap.api;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Access tokens made outside the server: to prove which ones it accepts and which it refuses. */
final class ForgedTokens {
    static final String ISSUER = "taskline";

    private ForgedTokens() {
    }

    /** An HS256 token with exactly these claims. */
    static String hs256(byte[] secret, String issuer, long subject, Instant issuedAt, Instant expiresAt) {
        return JWT.create()
                .withIssuer(issuer)
                .withSubject(Long.toString(subject))
                .withIssuedAt(issuedAt)
                .withExpiresAt(expiresAt)
                .sign(Algorithm.HMAC256(secret));
    }

    /** {@code {"alg":"none"}}, valid claims, and an empty signature. */
    static String unsigned(long subject) {
        long now = Instant.now().getEpochSecond();
        ObjectNode header = Json.object("alg", "none", "typ", "JWT");
        ObjectNode payload = Json.object("iss", ISSUER, "sub", Long.toString(subject), "iat", now, "exp", now + 3600);
        return encode(header) + "." + encode(payload) + ".";
    }

    /** {@code token} with its payload's {@code sub} replaced, under the original header and signature. */
    static String withSubject(String token, long subject) {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        payload.put("sub", Long.toString(subject));
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    private static String encode(ObjectNode json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }
}
