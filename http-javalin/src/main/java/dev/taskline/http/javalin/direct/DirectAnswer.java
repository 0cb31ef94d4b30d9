package dev.taskline.http.javalin.direct;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link DirectRoute} answers: a status, a body written as JSON ({@code null}: none) and
 * the headers of this answer beyond those every answer carries.
 */
public final class DirectAnswer {

    private final int status;
    private final Object body;
    private final List<String[]> headers = new ArrayList<>(2);

    private DirectAnswer(int status, Object body) {
        this.status = status;
        this.body = body;
    }

    public static DirectAnswer json(int status, Object body) {
        return new DirectAnswer(status, Objects.requireNonNull(body, "body"));
    }

    public static DirectAnswer noContent() {
        return new DirectAnswer(204, null);
    }

    public DirectAnswer header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    int status() {
        return status;
    }

    Object body() {
        return body;
    }

    List<String[]> headers() {
        return headers;
    }
}
