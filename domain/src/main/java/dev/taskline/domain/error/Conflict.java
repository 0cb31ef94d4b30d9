package dev.taskline.domain.error;

/** The change contradicts existing state, e.g. an email that another account already uses. */
public final class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }

    /** Deliberately does not echo the address. */
    public static Conflict emailTaken() {
        return new Conflict("an account with this email already exists");
    }
}
