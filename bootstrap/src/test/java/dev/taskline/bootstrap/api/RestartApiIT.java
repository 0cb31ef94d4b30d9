package dev.taskline.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.taskline.bootstrap.api.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

/** What the server acknowledged before a restart is there after it, and a token issued before still works. */
class RestartApiIT {
    @RegisterExtension
    static final ApiServer server = new ApiServer();

    @Test
    void dataAndTokensSurviveARestartOnTheSameDatabase() {
        ApiClient api = server.api();
        TestUser alice = api.register("alice@example.com");
        api.patch("/api/v1/me", alice, object("name", "Alice")).expect(200);
        long task = api.createTask(alice, object("title", "Survive the restart", "description", "🚀", "status", "in_progress",
                "due_date", "2026-12-31")).get("id").asLong();
        api.createTask(alice, "Another one");
        long conversation = api.createConversation(alice).get("id").asLong();
        api.appendMessage(alice, conversation, "user", "are you still there?");
        api.appendMessage(alice, conversation, "assistant", "yes");
        ObjectNode before = api.stateOf(alice);

        server.restart();

        api.get("/health", null).expect(200);
        assertThat(api.stateOf(alice)).as("everything, through the token issued before the restart").isEqualTo(before);
        assertThat(api.get("/api/v1/tasks/" + task, alice).expect(200).json().get("title").asText()).isEqualTo("Survive the restart");
        JsonNode login = api.login(alice.email(), alice.password()).expect(200).json();
        assertThat(login.at("/user/id").asLong()).isEqualTo(alice.id());
        api.createTask(alice, "Written after the restart");
        assertThat(api.allPages("/api/v1/tasks", alice, 100)).hasSize(3);
    }
}
