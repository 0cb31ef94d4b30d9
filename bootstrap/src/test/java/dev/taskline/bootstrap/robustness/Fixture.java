package dev.taskline.bootstrap.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskline.bootstrap.api.ApiClient;
import dev.taskline.bootstrap.api.Json;
import dev.taskline.bootstrap.api.TestUser;

import java.util.List;
import java.util.Set;

import static dev.taskline.bootstrap.api.ApiAssertions.ids;

/**
 * What the bad inputs aim at: a victim whose rows they would change if the server took them,
 * another user whose ids they use where they must find nothing, and real cursors to spoil.
 *
 * @param victimTaskVersion the ETag of {@code victimTask}, which no accepted request may move
 */
record Fixture(
        TestUser victim,
        TestUser other,
        long victimTask,
        String victimTaskVersion,
        long victimConversation,
        long otherTask,
        long otherConversation,
        Set<Long> victimTaskIds,
        Set<Long> victimConversationIds,
        Set<Long> victimMessageIds,
        List<String> victimCursors,
        List<String> otherCursors) {

    /** Registers both users and gives them tasks, conversations and messages (enough rows for a second page everywhere). */
    static Fixture create(ApiClient api, String prefix) {
        TestUser victim = api.register(prefix + "-victim@example.com");
        TestUser other = api.register(prefix + "-other@example.com");
        long victimTask = api.createTask(victim, Json.object("title", "The victim's task", "description", "must not change",
                "status", "in_progress", "due_date", "2030-01-31")).get("id").asLong();
        api.createTask(victim, "A second task");
        api.createTask(victim, Json.object("title", "A third task", "status", "completed"));
        long victimConversation = api.createConversation(victim).get("id").asLong();
        api.createConversation(victim);
        api.appendMessage(victim, victimConversation, "user", "first");
        api.appendMessage(victim, victimConversation, "assistant", "second");
        api.appendMessage(victim, victimConversation, "user", "third");
        long otherTask = api.createTask(other, "The other user's task").get("id").asLong();
        api.createTask(other, "The other user's second task");
        long otherConversation = api.createConversation(other).get("id").asLong();
        api.appendMessage(other, otherConversation, "user", "not yours");
        api.appendMessage(other, otherConversation, "user", "not yours either");

        String etag = api.get("/api/v1/tasks/" + victimTask, victim).expect(200).etag();
        String conversationPath = "/api/v1/conversations/" + victimConversation + "/messages";
        return new Fixture(victim, other, victimTask, etag, victimConversation, otherTask, otherConversation,
                Set.copyOf(ids(api.allPages("/api/v1/tasks", victim, 100))),
                Set.copyOf(ids(api.allPages("/api/v1/conversations", victim, 100))),
                Set.copyOf(ids(api.allPages(conversationPath, victim, 100))),
                List.of(nextCursor(api, "/api/v1/tasks?limit=1", victim), nextCursor(api, "/api/v1/tasks?limit=1&completed=false", victim),
                        nextCursor(api, "/api/v1/conversations?limit=1", victim), nextCursor(api, conversationPath + "?limit=1", victim)),
                List.of(nextCursor(api, "/api/v1/tasks?limit=1", other),
                        nextCursor(api, "/api/v1/conversations/" + otherConversation + "/messages?limit=1", other)));
    }

    private static String nextCursor(ApiClient api, String path, TestUser user) {
        JsonNode next = api.get(path, user).expect(200).json().get("next_cursor");
        if (!next.isTextual()) {
            throw new IllegalStateException("no second page for " + path);
        }
        return next.asText();
    }
}
