package dev.taskline.domain.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects field errors across several parses so that a command reports every bad field in one
 * {@link ValidationFailed} instead of one per round trip.
 *
 * <pre>{@code
 * var validation = new Validation();
 * TaskTitle title = validation.check(() -> TaskTitle.of(rawTitle));
 * TaskStatus status = validation.check(() -> TaskStatus.fromWireName(rawStatus));
 * validation.throwIfFailed();   // from here on, the values are non-null
 * }</pre>
 */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    /** Runs {@code parse}; if it fails validation, remembers why and returns {@code null}. */
    public <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationFailed failure) {
            errors.addAll(failure.errors());
            return null;
        }
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean hasFailed() {
        return !errors.isEmpty();
    }

    public void throwIfFailed() {
        if (hasFailed()) {
            throw new ValidationFailed(errors);
        }
    }
}
