package dev.taskline.http.javalin.problem;

import java.util.Map;

/** The problems the adapter raises itself, phrased once. */
public final class Problems {

    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String RETRY_AFTER = "Retry-After";
    /** RFC 6750 §3: the challenge for a request that carried no bearer token. */
    public static final String BEARER_CHALLENGE = "Bearer";
    /** RFC 6750 §3.1: the challenge for a bearer token that was sent and refused. */
    public static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    private Problems() {
    }

    public static ProblemException malformedJson(String detail) {
        return new ProblemException(Problem.of(ProblemType.MALFORMED_REQUEST, "malformed JSON: " + detail));
    }

    public static ProblemException notAJsonObject() {
        return new ProblemException(Problem.of(ProblemType.MALFORMED_REQUEST, "the request body must be a JSON object"));
    }

    public static ProblemException unsupportedMediaType() {
        return new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "the request body must be JSON, sent with Content-Type: application/json"));
    }

    public static ProblemException contentTooLarge(long maxBytes) {
        return new ProblemException(Problem.of(ProblemType.CONTENT_TOO_LARGE,
                "the request body must not exceed " + maxBytes + " bytes"));
    }

    public static ProblemException missingToken() {
        return new ProblemException(Problem.of(ProblemType.UNAUTHENTICATED,
                "this endpoint needs an access token: Authorization: Bearer <token>"),
                Map.of(WWW_AUTHENTICATE, BEARER_CHALLENGE));
    }

    public static ProblemException invalidToken(String detail) {
        return new ProblemException(Problem.of(ProblemType.UNAUTHENTICATED, detail),
                Map.of(WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, detail));
    }

    public static ProblemException tooManyRequests(String detail) {
        return tooManyRequests(detail, 1);
    }

    /** 429 with {@code Retry-After} in whole seconds (at least 1). */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(Problem.of(ProblemType.TOO_MANY_REQUESTS, detail),
                Map.of(RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds))));
    }
}
