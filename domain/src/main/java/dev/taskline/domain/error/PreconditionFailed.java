package dev.taskline.domain.error;

/** The caller's expectation about the current state (e.g. an {@code If-Match} version) is stale. */
public final class PreconditionFailed extends DomainException {

    public PreconditionFailed(String message) {
        super(message);
    }

    public static PreconditionFailed staleVersion(long expected, long actual) {
        return new PreconditionFailed("expected version " + expected + " but the current version is " + actual);
    }
}
