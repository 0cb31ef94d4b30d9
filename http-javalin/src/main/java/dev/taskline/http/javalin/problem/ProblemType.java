package dev.taskline.http.javalin.problem;

import java.net.URI;

/**
 * The kinds of problem this API answers with, each with its HTTP status and a stable type URI
 * (RFC 9457 §3.1.1: an identifier, not necessarily a page that can be fetched).
 */
public enum ProblemType {
    VALIDATION_FAILED(400, "validation-failed", "Invalid input"),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    UNAUTHENTICATED(401, "unauthenticated", "Unauthenticated"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "Conflict"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    CONTENT_TOO_LARGE(413, "content-too-large", "Content too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL_ERROR(500, "internal-error", "Internal server error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable");

    public static final String BASE_URI = "https://taskline.dev/problems/";

    private final int status;
    private final URI uri;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.uri = URI.create(BASE_URI + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }
}
