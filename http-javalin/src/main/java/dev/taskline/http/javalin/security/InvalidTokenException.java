package dev.taskline.http.javalin.security;

/** A bearer token that does not prove who the caller is; the cause says why (for logs and tests only). */
public final class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidTokenException(String message) {
        super(message);
    }
}
