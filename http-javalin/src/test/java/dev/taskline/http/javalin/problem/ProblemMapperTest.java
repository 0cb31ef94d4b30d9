package dev.taskline.http.javalin.problem;

import dev.taskline.domain.error.Conflict;
import dev.taskline.domain.error.DomainException;
import dev.taskline.domain.error.FieldError;
import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.error.PreconditionFailed;
import dev.taskline.domain.error.Unauthenticated;
import dev.taskline.domain.error.Unavailable;
import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.task.TaskId;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMapperTest {

    /** One example of every domain failure; the first test proves the list complete. */
    private static final List<DomainException> EXAMPLES = List.of(
            ValidationFailed.of("title", "must not be blank"),
            NotFound.task(new TaskId(3)),
            Conflict.emailTaken(),
            Unauthenticated.badCredentials(),
            PreconditionFailed.staleVersion(1, 2),
            new Unavailable(new SQLException("connection refused to db.internal:5432")));

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void examples_coverEveryDomainException() {
        Set<Class<?>> permitted = Arrays.stream(DomainException.class.getPermittedSubclasses()).collect(Collectors.toSet());
        Set<Class<?>> examples = EXAMPLES.stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(permitted).isNotEmpty();
        assertThat(examples).isEqualTo(permitted);
    }

    @Test
    void everyDomainException_isAClientOrAvailabilityProblem_neverA500() {
        for (DomainException failure : EXAMPLES) {
            ProblemReply reply = mapper.map(failure);
            assertThat(reply.status()).as(failure.getClass().getSimpleName()).isNotEqualTo(500).isBetween(400, 503);
            assertThat(reply.problem().type()).startsWith(ProblemType.BASE_URI);
        }
    }

    @Test
    void domainExceptions_mapToTheContractsStatuses() {
        assertThat(statusesOf(EXAMPLES)).containsExactly(400, 404, 409, 401, 412, 503);
    }

    @Test
    void validationFailure_listsItsFieldErrors() {
        ProblemReply reply = mapper.map(new ValidationFailed(List.of(new FieldError("title", "must not be blank"),
                new FieldError("due_date", "must be a date written YYYY-MM-DD"))));

        assertThat(reply.problem().errors()).containsExactly(new InvalidField("title", "must not be blank"),
                new InvalidField("due_date", "must be a date written YYYY-MM-DD"));
    }

    @Test
    void otherProblems_carryNoErrorsMember() {
        assertThat(mapper.map(NotFound.task(new TaskId(3))).problem().errors()).isNull();
    }

    @Test
    void unauthenticated_challengesForABearerToken() {
        assertThat(mapper.map(Unauthenticated.badCredentials()).headers()).containsEntry("WWW-Authenticate", "Bearer");
    }

    @Test
    void unavailable_asksToRetry_andDoesNotLeakTheCause() {
        ProblemReply reply = mapper.map(new Unavailable(new SQLException("connection refused to db.internal:5432")));

        assertThat(reply.headers()).containsEntry("Retry-After", "1");
        assertThat(reply.problem().detail()).doesNotContain("db.internal").doesNotContain("SQL");
    }

    @Test
    void unexpectedException_isA500_withAGenericDetail() {
        ProblemReply reply = mapper.map(new IllegalStateException("ERROR: relation \"tasks\" does not exist; SELECT * FROM tasks"));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.problem().detail()).isEqualTo(ProblemMapper.INTERNAL_ERROR_DETAIL);
    }

    @Test
    void adapterProblem_isPassedThrough_withItsHeaders() {
        ProblemReply reply = mapper.map(Problems.invalidToken("expired"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers()).containsEntry("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void javalinResponses_becomeProblems() {
        assertThat(mapper.map(new NotFoundResponse("Endpoint GET /x not found")).problem().type()).endsWith("/not-found");
        assertThat(mapper.map(new HttpResponseException(413, "Content Too Large")).status()).isEqualTo(413);
        assertThat(mapper.map(new HttpResponseException(418, "teapot")).problem().type()).isEqualTo("about:blank");
        assertThat(mapper.map(new HttpResponseException(418, "teapot")).problem().title()).isEqualTo("I'm a Teapot");
    }

    @Test
    void methodNotAllowed_namesTheAllowedMethods_includingHeadForGet() {
        ProblemReply reply = mapper.map(new MethodNotAllowedResponse("Method not allowed", Map.of("availableMethods", "GET, POST")));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.headers()).containsEntry("Allow", "GET, POST, HEAD");
    }

    @Test
    void javalinValidationException_isA400_withFieldErrors() {
        var exception = new ValidationException(Map.of("limit", List.of(new ValidationError<>("must be a number"))));

        ProblemReply reply = mapper.map(exception);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problem().errors()).containsExactly(new InvalidField("limit", "must be a number"));
    }

    private List<Integer> statusesOf(List<DomainException> failures) {
        return failures.stream().map(mapper::map).map(ProblemReply::status).toList();
    }
}
