package dev.taskline.domain.error;

import java.util.List;
import java.util.stream.Collectors;

/** Input broke one or more rules; carries every field error found, not just the first. */
public final class ValidationFailed extends DomainException {

    private final List<FieldError> errors;

    public ValidationFailed(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailed of(String field, String message) {
        return new ValidationFailed(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field error");
        }
        return errors.stream().map(FieldError::toString).collect(Collectors.joining("; ", "invalid input: ", ""));
    }
}
