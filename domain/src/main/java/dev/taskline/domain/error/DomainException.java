package dev.taskline.domain.error;

/**
 * A failure with a business meaning. Adapters translate each subclass (the domain never knows
 * HTTP codes); messages are written for the caller and never carry another user's data.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, ValidationFailed, Unauthenticated, PreconditionFailed, Unavailable {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
