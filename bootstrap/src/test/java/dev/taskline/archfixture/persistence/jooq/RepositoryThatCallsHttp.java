package dev.taskline.archfixture.persistence.jooq;

import dev.taskline.archfixture.http.javalin.TaskHandler;

/** Violates: persistence does not know the HTTP adapter. */
public class RepositoryThatCallsHttp {
    public String load() {
        return new TaskHandler().handle();
    }
}
