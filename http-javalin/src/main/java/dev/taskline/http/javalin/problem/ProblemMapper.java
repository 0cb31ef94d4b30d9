package dev.taskline.http.javalin.problem;

import dev.taskline.domain.error.Conflict;
import dev.taskline.domain.error.DomainException;
import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.error.PreconditionFailed;
import dev.taskline.domain.error.Unauthenticated;
import dev.taskline.domain.error.Unavailable;
import dev.taskline.domain.error.ValidationFailed;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one translation of failures into problem documents, free of any request so that it can be
 * tested alone. Anything it does not know is a bug: a 500 with a generic detail, never the
 * exception's message (which might carry SQL or internals).
 */
public final class ProblemMapper {

    static final String INTERNAL_ERROR_DETAIL = "an unexpected error occurred; it has been logged";
    static final String UNAVAILABLE_DETAIL = "a service this API depends on is unavailable; retry shortly";

    public ProblemReply map(Throwable failure) {
        return switch (failure) {
            case DomainException domain -> map(domain);
            case ProblemException problem -> new ProblemReply(problem.problem(), problem.headers());
            case ValidationException validation -> map(validation);
            case HttpResponseException http -> map(http);
            default -> new ProblemReply(Problem.of(ProblemType.INTERNAL_ERROR, INTERNAL_ERROR_DETAIL));
        };
    }

    /** Exhaustive over the sealed hierarchy: a new domain failure does not compile until it is mapped here. */
    public ProblemReply map(DomainException failure) {
        return switch (failure) {
            case ValidationFailed invalid -> new ProblemReply(Problem.of(ProblemType.VALIDATION_FAILED, invalid.getMessage(),
                    invalid.errors().stream().map(InvalidField::from).toList()));
            case NotFound notFound -> new ProblemReply(Problem.of(ProblemType.NOT_FOUND, notFound.getMessage()));
            case Conflict conflict -> new ProblemReply(Problem.of(ProblemType.CONFLICT, conflict.getMessage()));
            case Unauthenticated unauthenticated -> new ProblemReply(Problem.of(ProblemType.UNAUTHENTICATED, unauthenticated.getMessage()),
                    Map.of(Problems.WWW_AUTHENTICATE, Problems.BEARER_CHALLENGE));
            case PreconditionFailed stale -> new ProblemReply(Problem.of(ProblemType.PRECONDITION_FAILED, stale.getMessage()));
            case Unavailable unavailable -> new ProblemReply(Problem.of(ProblemType.SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL),
                    Map.of(Problems.RETRY_AFTER, "1"));
        };
    }

    private static ProblemReply map(ValidationException validation) {
        List<InvalidField> errors = new ArrayList<>();
        validation.getErrors().forEach((field, fieldErrors) -> {
            for (ValidationError<Object> error : fieldErrors) {
                errors.add(new InvalidField(field, error.getMessage()));
            }
        });
        if (errors.isEmpty()) {
            errors.add(new InvalidField("request", "is invalid"));
        }
        return new ProblemReply(Problem.of(ProblemType.VALIDATION_FAILED, "invalid input", errors));
    }

    private static ProblemReply map(HttpResponseException http) {
        int status = http.getStatus();
        return switch (status) {
            case 400 -> new ProblemReply(Problem.of(ProblemType.MALFORMED_REQUEST, orDefault(http.getMessage(), "bad request")));
            case 404 -> new ProblemReply(Problem.of(ProblemType.NOT_FOUND, "no endpoint matches this path"));
            case 405 -> methodNotAllowed(http);
            case 413 -> new ProblemReply(Problem.of(ProblemType.CONTENT_TOO_LARGE, "the request body is too large"));
            case 415 -> new ProblemReply(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, orDefault(http.getMessage(), "unsupported media type")));
            case 500 -> new ProblemReply(Problem.of(ProblemType.INTERNAL_ERROR, INTERNAL_ERROR_DETAIL));
            case 503 -> new ProblemReply(Problem.of(ProblemType.SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL), Map.of(Problems.RETRY_AFTER, "1"));
            default -> {
                HttpStatus known = HttpStatus.forStatus(status);
                String title = known == HttpStatus.UNKNOWN ? "HTTP " + status : known.getMessage();
                yield new ProblemReply(Problem.generic(status, title, orDefault(http.getMessage(), title)));
            }
        };
    }

    private static ProblemReply methodNotAllowed(HttpResponseException http) {
        String available = http.getDetails().getOrDefault("availableMethods", http.getDetails().get("Available methods"));
        Problem problem = Problem.of(ProblemType.METHOD_NOT_ALLOWED, "this path does not support the request's method");
        if (!(http instanceof MethodNotAllowedResponse) || available == null || available.isBlank()) {
            return new ProblemReply(problem);
        }
        return new ProblemReply(problem, Map.of("Allow", allowHeader(available)));
    }

    /** Javalin lists the registered methods; a GET route serves HEAD as well, so say so. */
    static String allowHeader(String available) {
        Set<String> methods = new LinkedHashSet<>();
        for (String method : available.split(",")) {
            if (!method.isBlank()) {
                methods.add(method.strip());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return String.join(", ", methods);
    }

    private static String orDefault(String message, String fallback) {
        return message == null || message.isBlank() ? fallback : message;
    }
}
