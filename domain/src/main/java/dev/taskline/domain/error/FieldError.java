package dev.taskline.domain.error;

import java.util.Objects;

/**
 * One rejected input field. {@code field} is the API's snake_case name ({@code due_date},
 * {@code current_password}...); {@code message} says what is wrong and never echoes the value.
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
