package dev.taskline.domain.error;

/** A dependency the domain needs (the database) cannot be reached; worth retrying later. */
public final class Unavailable extends DomainException {

    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public Unavailable(Throwable cause) {
        this("database unavailable", cause);
    }
}
