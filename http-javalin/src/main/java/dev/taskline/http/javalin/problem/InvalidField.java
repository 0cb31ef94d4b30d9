package dev.taskline.http.javalin.problem;

import dev.taskline.domain.error.FieldError;

/** One entry of a problem's {@code errors}: the snake_case field and what is wrong with it. */
public record InvalidField(String field, String message) {

    public static InvalidField from(FieldError error) {
        return new InvalidField(error.field(), error.message());
    }
}
