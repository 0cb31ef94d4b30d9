package dev.taskline.http.javalin.problem;

import java.util.Map;
import java.util.Objects;

/** What to answer for a failure: the problem document (which carries the status) and extra headers. */
public record ProblemReply(Problem problem, Map<String, String> headers) {

    public ProblemReply {
        Objects.requireNonNull(problem, "problem");
        headers = Map.copyOf(headers);
    }

    public ProblemReply(Problem problem) {
        this(problem, Map.of());
    }

    public int status() {
        return problem.status();
    }
}
