package dev.taskline.http.javalin.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem document: {@code {"type", "title", "status", "detail", "errors"?}}. The
 * {@code errors} member is an extension present only for validation failures.
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<InvalidField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        errors = errors == null ? null : List.copyOf(errors);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri().toString(), type.title(), type.status(), detail, null);
    }

    public static Problem of(ProblemType type, String detail, List<InvalidField> errors) {
        return new Problem(type.uri().toString(), type.title(), type.status(), detail, errors);
    }

    /** For a status this API has no type of its own for: {@code about:blank}, titled by the status (RFC 9457 §4.2.1). */
    public static Problem generic(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }
}
