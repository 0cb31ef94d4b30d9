package dev.taskline.archfixture.http.javalin;

import dev.taskline.archfixture.persistence.jooq.JooqTaskRepository;

/** Violates: the HTTP adapter does not know the persistence adapter. */
public class HandlerThatCallsARepositoryImplementation {
    public String handle() {
        return new JooqTaskRepository().load();
    }
}
