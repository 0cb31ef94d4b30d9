package dev.taskline.http.javalin;

/**
 * Every test of {@link HttpApiTest} with every request served by Javalin: the task routes behind
 * {@code DirectRoutes} answer whatever those hand on (HEAD, CORS, chunked bodies...), so they must
 * keep the whole contract too.
 */
class HttpApiWithoutDirectRoutesTest extends HttpApiTest {

    @Override
    boolean directRoutes() {
        return false;
    }
}
