package dev.taskline.archfixture.http.javalin;

/** A well-behaved handler, for the persistence fixture to reach into. */
public class TaskHandler {
    public String handle() {
        return "ok";
    }
}
