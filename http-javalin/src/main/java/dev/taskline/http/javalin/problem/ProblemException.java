package dev.taskline.http.javalin.problem;

import java.util.Map;
import java.util.Objects;

/**
 * A failure found by the HTTP adapter itself (malformed JSON, a wrong media type, a bad token...),
 * carrying the problem to answer and any header that goes with it. Domain failures stay domain
 * exceptions; this is for what only HTTP knows about.
 */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.headers = Map.copyOf(headers);
    }

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
