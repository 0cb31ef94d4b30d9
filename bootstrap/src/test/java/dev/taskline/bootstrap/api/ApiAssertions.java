package dev.taskline.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's shapes and error rules, written once. */
public final class ApiAssertions {
    public static final Set<String> USER_FIELDS = Set.of("id", "email", "name", "created_at", "updated_at");
    public static final Set<String> TOKEN_FIELDS = Set.of("user", "access_token", "token_type", "expires_in");
    public static final Set<String> TASK_FIELDS = Set.of("id", "title", "description", "status", "completed", "due_date", "created_at", "updated_at");
    public static final Set<String> CONVERSATION_FIELDS = Set.of("id", "created_at", "updated_at");
    public static final Set<String> MESSAGE_FIELDS = Set.of("id", "conversation_id", "role", "content", "created_at");
    public static final Set<String> PAGE_FIELDS = Set.of("items", "next_cursor");

    /** ISO-8601 in UTC with a {@code Z}. */
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    /** What must never reach a client: a Java exception, a stack frame, a database message. */
    private static final List<String> LEAKS = List.of("Exception", "at dev.", "SQL");

    private ApiAssertions() {
    }

    /**
     * An RFC 9457 problem with this status: {@code application/problem+json}, {@code type},
     * {@code title}, {@code status}, {@code detail}, and nothing that leaks the implementation.
     */
    public static JsonNode assertProblem(ApiResponse response, int status) {
        response.expect(status);
        assertThat(response.header("Content-Type")).as("Content-Type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        for (String leak : LEAKS) {
            assertThat(response.body()).as("a problem must not leak internals: %s", response).doesNotContain(leak);
        }
        JsonNode problem = response.json();
        assertThat(problem.isObject()).as("problem is an object: %s", response).isTrue();
        for (String member : List.of("type", "title", "detail")) {
            assertThat(problem.path(member).isTextual()).as("problem.%s is a string: %s", member, response).isTrue();
            assertThat(problem.path(member).asText()).as("problem.%s is not blank: %s", member, response).isNotBlank();
        }
        assertThat(problem.path("status").isInt()).as("problem.status is a number: %s", response).isTrue();
        assertThat(problem.path("status").intValue()).as("problem.status of %s", response).isEqualTo(status);
        if (status != 400) {
            assertThat(problem.has("errors")).as("errors only for validation failures: %s", response).isFalse();
        }
        if (problem.has("errors")) {
            assertThat(problem.get("errors").isArray()).as("errors is an array: %s", response).isTrue();
            for (JsonNode error : problem.get("errors")) {
                assertThat(error.path("field").isTextual() && error.path("message").isTextual())
                        .as("each error has a field and a message: %s", response).isTrue();
            }
        }
        return problem;
    }

    /** A successful answer with a JSON body ({@code application/json}), returning the body. */
    public static JsonNode assertJson(ApiResponse response, int status) {
        response.expect(status);
        assertThat(response.header("Content-Type")).as("Content-Type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return response.json();
    }

    /** A 400 problem whose {@code errors} name (at least) each of {@code fields}. */
    public static JsonNode assertInvalid(ApiResponse response, String... fields) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.has("errors")).as("a validation failure lists its errors: %s", response).isTrue();
        assertThat(fieldsIn(problem)).as("fields named in the errors of %s", response).contains(fields);
        return problem;
    }

    /** A 401 problem with a {@code WWW-Authenticate: Bearer} challenge. */
    public static JsonNode assertUnauthenticated(ApiResponse response) {
        JsonNode problem = assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).as("WWW-Authenticate of %s", response)
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        return problem;
    }

    /** 400 or 404 (both allowed for an impossible path id), as a problem document. */
    public static void assertBadOrNotFound(ApiResponse response) {
        assertThat(response.status()).as("status of %s", response).isIn(400, 404);
        assertProblem(response, response.status());
    }

    /** A page (200) or a bad query parameter (400): a cursor the server never issued may be either, never a server error. */
    public static void assertPageOrBadRequest(ApiResponse response) {
        assertThat(response.status()).as("status of %s", response).isIn(200, 400);
        if (response.status() == 200) {
            assertIsPage(response.json());
        } else {
            assertProblem(response, 400);
        }
    }

    public static List<String> fieldsIn(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    public static void assertIsUser(JsonNode user) {
        assertFields(user, USER_FIELDS);
        assertThat(user.get("id").isIntegralNumber() && user.get("id").longValue() > 0).as("user.id in %s", user).isTrue();
        assertThat(user.get("email").isTextual()).as("user.email in %s", user).isTrue();
        assertThat(user.get("name").isTextual() || user.get("name").isNull()).as("user.name in %s", user).isTrue();
        assertTimestamps(user, "created_at", "updated_at");
    }

    public static void assertIsTokenResponse(JsonNode answer) {
        assertFields(answer, TOKEN_FIELDS);
        assertIsUser(answer.get("user"));
        assertThat(answer.get("access_token").asText()).as("access_token in %s", answer).isNotBlank();
        assertThat(answer.get("token_type").asText()).as("token_type in %s", answer).isEqualTo("Bearer");
        assertThat(answer.get("expires_in").isIntegralNumber() && answer.get("expires_in").longValue() > 0)
                .as("expires_in is a positive number of seconds in %s", answer).isTrue();
    }

    public static void assertIsTask(JsonNode task) {
        assertFields(task, TASK_FIELDS);
        assertThat(task.get("id").isIntegralNumber() && task.get("id").longValue() > 0).as("task.id in %s", task).isTrue();
        assertThat(task.get("title").isTextual()).as("task.title in %s", task).isTrue();
        assertThat(task.get("description").isTextual() || task.get("description").isNull()).as("task.description in %s", task).isTrue();
        assertThat(task.get("status").asText()).as("task.status in %s", task).isIn("pending", "in_progress", "completed");
        assertThat(task.get("completed").isBoolean()).as("task.completed in %s", task).isTrue();
        assertThat(task.get("completed").booleanValue()).as("completed is true exactly when status is completed: %s", task)
                .isEqualTo(task.get("status").asText().equals("completed"));
        JsonNode due = task.get("due_date");
        assertThat(due.isNull() || (due.isTextual() && due.asText().matches("\\d{4}-\\d{2}-\\d{2}"))).as("task.due_date in %s", task).isTrue();
        assertTimestamps(task, "created_at", "updated_at");
    }

    public static void assertIsConversation(JsonNode conversation) {
        assertFields(conversation, CONVERSATION_FIELDS);
        assertThat(conversation.get("id").isIntegralNumber()).as("conversation.id in %s", conversation).isTrue();
        assertTimestamps(conversation, "created_at", "updated_at");
    }

    public static void assertIsMessage(JsonNode message) {
        assertFields(message, MESSAGE_FIELDS);
        assertThat(message.get("id").isIntegralNumber()).as("message.id in %s", message).isTrue();
        assertThat(message.get("conversation_id").isIntegralNumber()).as("message.conversation_id in %s", message).isTrue();
        assertThat(message.get("role").asText()).as("message.role in %s", message).isIn("user", "assistant");
        assertThat(message.get("content").isTextual()).as("message.content in %s", message).isTrue();
        assertTimestamps(message, "created_at");
    }

    public static void assertIsPage(JsonNode page) {
        assertFields(page, PAGE_FIELDS);
        assertThat(page.get("items").isArray()).as("items in %s", page).isTrue();
        JsonNode next = page.get("next_cursor");
        assertThat(next.isNull() || (next.isTextual() && !next.asText().isEmpty())).as("next_cursor in %s", page).isTrue();
    }

    public static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asText());
    }

    public static List<Long> ids(Iterable<JsonNode> items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static void assertFields(JsonNode node, Set<String> expected) {
        assertThat(node != null && node.isObject()).as("an object: %s", node).isTrue();
        Set<String> actual = new TreeSet<>();
        node.fieldNames().forEachRemaining(actual::add);
        assertThat(actual).as("the fields of %s", node).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void assertTimestamps(JsonNode node, String... fields) {
        for (String field : fields) {
            assertThat(node.get(field).asText()).as("%s is ISO-8601 UTC with Z in %s", field, node).matches(TIMESTAMP);
        }
    }
}
