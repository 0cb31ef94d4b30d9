package dev.taskline.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static dev.taskline.bootstrap.api.ApiAssertions.assertProblem;
import static dev.taskline.bootstrap.api.ApiAssertions.ids;
import static dev.taskline.bootstrap.api.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two users on every endpoint: Bob never sees, changes or learns of Alice's rows. Another user's
 * row answers exactly like a row that does not exist.
 */
class OwnershipApiIT {
    @RegisterExtension
    static final ApiServer server = new ApiServer();
    static ApiClient api;
    static TestUser alice;
    static TestUser bob;
    static long alicesTask;
    static long alicesConversation;
    static ObjectNode alicesState;
    static long bobsTask;
    static long bobsConversation;

    @BeforeAll
    static void twoUsers() {
        api = server.api();
        alice = api.register("alice@example.com");
        bob = api.register("bob@example.com");
        api.createTask(alice, object("title", "Alice's older task", "status", "completed"));
        alicesTask = api.createTask(alice, object("title", "Alice's secret", "description", "only mine", "due_date", "2026-12-24")).get("id").asLong();
        alicesConversation = api.createConversation(alice).get("id").asLong();
        api.appendMessage(alice, alicesConversation, "user", "a private thought");
        alicesState = api.stateOf(alice);
        bobsTask = api.createTask(bob, "Bob's task").get("id").asLong();
        bobsConversation = api.createConversation(bob).get("id").asLong();
    }

    static List<Endpoint> idRoutes() {
        return Endpoint.withId();
    }

    @ParameterizedTest
    @MethodSource("idRoutes")
    void anotherUsersRow_answers404_likeARowThatDoesNotExist_andStaysUnchanged(Endpoint endpoint) {
        ApiResponse alicesRow = endpoint.send(api, endpoint.path(alicesTask, alicesConversation), bob.authorization());
        ApiResponse noRow = endpoint.send(api, endpoint.path(Long.MAX_VALUE, Long.MAX_VALUE), bob.authorization());

        JsonNode problem = withoutIds(assertProblem(alicesRow, 404), alicesTask, alicesConversation);
        assertThat(problem).as("indistinguishable from a missing row").isEqualTo(withoutIds(assertProblem(noRow, 404), Long.MAX_VALUE));
        assertThat(api.stateOf(alice)).isEqualTo(alicesState);
    }

    /** The problem with the requested ids in its detail replaced by a placeholder: echoing the id asked for reveals nothing. */
    private static JsonNode withoutIds(JsonNode problem, long... requested) {
        String detail = problem.get("detail").asText();
        for (long id : requested) {
            detail = detail.replace(Long.toString(id), "{id}");
        }
        return ((ObjectNode) problem.deepCopy()).put("detail", detail);
    }

    @Test
    void patchWithTheOwnersETag_isStill404() {
        String etag = api.get("/api/v1/tasks/" + alicesTask, alice).expect(200).etag();

        ApiResponse response = api.request("PATCH", "/api/v1/tasks/" + alicesTask).as(bob).header("If-Match", etag)
                .json(object("title", "Bob was here")).send();

        assertProblem(response, 404);
        assertThat(api.stateOf(alice)).isEqualTo(alicesState);
    }

    @Test
    void listsContainOnlyTheCallersRows() {
        assertThat(ids(api.allPages("/api/v1/tasks", bob, 100))).containsExactly(bobsTask);
        assertThat(ids(api.allPages("/api/v1/tasks?user_id=" + alice.id(), bob, 100))).as("a user id in a query is never trusted")
                .containsExactly(bobsTask);
        assertThat(ids(api.allPages("/api/v1/conversations?user_id=" + alice.id(), bob, 100))).containsExactly(bobsConversation);
        for (String filter : List.of("status=pending", "status=completed", "status=in_progress", "completed=true", "completed=false")) {
            assertThat(ids(api.allPages("/api/v1/tasks?" + filter, bob, 100))).as(filter).isSubsetOf(bobsTask);
        }
        assertThat(ids(api.allPages("/api/v1/conversations", bob, 100))).containsExactly(bobsConversation);
        assertThat(api.allPages("/api/v1/conversations/" + bobsConversation + "/messages", bob, 100)).isEmpty();
        assertThat(api.stateOf(alice)).isEqualTo(alicesState);
    }

    @Test
    void anotherUsersCursor_leadsOnlyToTheCallersRows() {
        JsonNode alicesFirstPage = api.get("/api/v1/tasks?limit=1", alice).expect(200).json();
        String cursor = alicesFirstPage.get("next_cursor").asText();

        ApiResponse response = api.get("/api/v1/tasks?cursor=" + ApiClient.encode(cursor), bob);

        if (response.status() == 200) {
            assertThat(ids(response.json().get("items"))).isSubsetOf(bobsTask);
        } else {
            assertProblem(response, 400);
        }
    }

    @Test
    void meIsAlwaysTheTokensOwner() {
        assertThat(api.get("/api/v1/me", bob).expect(200).json().get("id").asLong()).isEqualTo(bob.id());
        JsonNode renamed = api.patch("/api/v1/me", bob, object("name", "Bob", "id", alice.id(), "email", alice.email())).expect(200).json();
        assertThat(renamed.get("id").asLong()).as("a user id in a body is never trusted").isEqualTo(bob.id());
        assertThat(renamed.get("email").asText()).isEqualTo(bob.email());
        assertThat(api.stateOf(alice)).isEqualTo(alicesState);
    }

    @Test
    void aTaskCreatedWithAnotherUsersIdInTheBody_belongsToTheCaller() {
        long id = api.createTask(bob, object("title", "whose?", "user_id", alice.id())).get("id").asLong();

        api.get("/api/v1/tasks/" + id, bob).expect(200);
        assertProblem(api.get("/api/v1/tasks/" + id, alice), 404);
        api.delete("/api/v1/tasks/" + id, bob).expect(204);
        assertThat(api.stateOf(alice)).isEqualTo(alicesState);
    }
}
