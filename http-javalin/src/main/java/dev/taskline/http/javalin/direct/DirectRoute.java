package dev.taskline.http.javalin.direct;

/**
 * A route served by {@link DirectRoutes}: it parses the request, calls one use case and says what
 * to answer. It reads the request body (if it has one) before it changes anything: a failure
 * thrown while the body is still unread hands the request to Javalin untouched.
 */
@FunctionalInterface
public interface DirectRoute {

    DirectAnswer serve(DirectRequest request) throws Exception;
}
