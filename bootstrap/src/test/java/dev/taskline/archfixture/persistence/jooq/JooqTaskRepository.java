package dev.taskline.archfixture.persistence.jooq;

/** A well-behaved repository implementation, for the HTTP fixture to reach into. */
public class JooqTaskRepository {
    public String load() {
        return "row";
    }
}
