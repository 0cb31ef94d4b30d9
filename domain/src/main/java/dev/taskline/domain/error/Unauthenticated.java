package dev.taskline.domain.error;

/** The caller could not be identified. */
public final class Unauthenticated extends DomainException {

    private static final String BAD_CREDENTIALS = "invalid email or password";

    public Unauthenticated(String message) {
        super(message);
    }

    /**
     * One message for an unknown email, a malformed email and a wrong password, so the answer
     * does not tell which accounts exist.
     */
    public static Unauthenticated badCredentials() {
        return new Unauthenticated(BAD_CREDENTIALS);
    }
}
