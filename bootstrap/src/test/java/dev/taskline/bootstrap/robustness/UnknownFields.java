package dev.taskline.bootstrap.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.taskline.bootstrap.api.ApiAssertions;
import dev.taskline.bootstrap.api.ApiResponse;
import dev.taskline.bootstrap.api.Json;
import dev.taskline.bootstrap.api.TestUser;
import dev.taskline.bootstrap.robustness.JsonText.Member;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid requests dressed with fields no route reads: names of other fields in other letter
 * cases, ids of other users' rows, timestamps, deeply nested values, huge numbers, NUL and
 * unpaired surrogates (harmless where nobody reads them). Unknown fields are ignored: each request
 * is served exactly as it would be without them, on the caller's own rows, and the text the
 * route does read (any Unicode, control characters and noncharacters included) is stored
 * exactly as sent.
 */
final class UnknownFields {
    private static final List<String> STATUSES = List.of("pending", "in_progress", "completed");

    private final TestUser user;
    private final Fixture fixture;
    private final long task;
    private final long conversation;
    /** The task as the server last answered it: what a PATCH changes, and what it must keep. */
    private ObjectNode current;
    int tasksCreated;
    int messagesAppended;
    int conversationsCreated;
    final Set<Long> taskIds = new HashSet<>();

    UnknownFields(TestUser user, Fixture fixture, JsonNode task, long conversation) {
        this.user = user;
        this.fixture = fixture;
        this.task = task.get("id").asLong();
        this.conversation = conversation;
        this.current = (ObjectNode) task;
        taskIds.add(this.task);
    }

    Input next(Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> createTask(random);
            case 2 -> patchTask(random);
            case 3 -> appendMessage(random);
            case 4 -> createConversation(random);
            default -> patchMe(random);
        };
    }

    private Input createTask(Random random) {
        String title = Texts.solidText(random, 1 + random.nextInt(200));
        String sentTitle = random.nextInt(4) == 0 ? Texts.strippable(random, 1 + random.nextInt(3)) + title + Texts.strippable(random, random.nextInt(3)) : title;
        List<Member> members = new ArrayList<>(List.of(Member.of("title", JsonText.quote(sentTitle))));
        ObjectNode expected = Json.object("title", title, "description", null, "status", "pending", "due_date", null);
        if (random.nextBoolean()) {
            String description = Texts.text(random, random.nextInt(random.nextInt(10) == 0 ? 10_000 : 300));
            members.add(Member.of("description", random.nextBoolean() ? JsonText.quote(description) : JsonText.quoteEscapingAll(description)));
            expected.put("description", description);
        }
        if (random.nextBoolean()) {
            String status = STATUSES.get(random.nextInt(3));
            members.add(Member.of("status", JsonText.quote(status)));
            expected.put("status", status);
        }
        if (random.nextBoolean()) {
            String date = String.format("%04d-%02d-%02d", 1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28));
            members.add(Member.of("due_date", JsonText.quote(date)));
            expected.put("due_date", date);
        }
        expected.put("completed", expected.get("status").asText().equals("completed"));
        byte[] body = BadInputs.utf8(JsonText.object(withUnknown(members, Set.of("title", "description", "status", "due_date"), random), random));
        return Input.json("create-task", "POST", "/api/v1/tasks", body, Expected.served(201, response -> {
            JsonNode created = response.json();
            ApiAssertions.assertIsTask(created);
            assertFieldsEqual(created, expected, response);
            assertThat(response.header("Location")).as("Location of %s", response).hasValue("/api/v1/tasks/" + created.get("id").asLong());
            assertThat(taskIds.add(created.get("id").asLong())).as("a new id: %s", response).isTrue();
            tasksCreated++;
        }));
    }

    private Input patchTask(Random random) {
        List<Member> members = new ArrayList<>();
        ObjectNode expected = current.deepCopy();
        if (random.nextBoolean()) {
            String title = Texts.solidText(random, 1 + random.nextInt(200));
            members.add(Member.of("title", JsonText.quote(title)));
            expected.put("title", title);
        }
        if (random.nextBoolean()) {
            if (random.nextInt(3) == 0) {
                members.add(Member.of("description", "null"));
                expected.set("description", NullNode.getInstance());
            } else {
                String description = Texts.text(random, random.nextInt(300));
                members.add(Member.of("description", JsonText.quote(description)));
                expected.set("description", new TextNode(description));
            }
        }
        if (random.nextBoolean()) {
            String status;
            switch (random.nextInt(3)) {
                case 0 -> {
                    status = STATUSES.get(random.nextInt(3));
                    members.add(Member.of("status", JsonText.quote(status)));
                }
                case 1 -> {
                    boolean completed = random.nextBoolean();
                    status = completed ? "completed" : "pending"; // completed alone: true sets completed, false sets pending
                    members.add(Member.of("completed", Boolean.toString(completed)));
                }
                default -> {
                    status = STATUSES.get(random.nextInt(3));
                    members.add(Member.of("status", JsonText.quote(status)));
                    members.add(Member.of("completed", Boolean.toString(status.equals("completed"))));
                }
            }
            expected.put("status", status);
            expected.put("completed", status.equals("completed"));
        }
        if (members.isEmpty() || random.nextBoolean()) {
            boolean clear = random.nextInt(3) == 0;
            String date = String.format("%04d-%02d-%02d", 1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28));
            members.add(Member.of("due_date", clear ? "null" : JsonText.quote(date)));
            expected.set("due_date", clear ? NullNode.getInstance() : new TextNode(date));
        }
        byte[] body = BadInputs.utf8(JsonText.object(withUnknown(members, Set.of("title", "description", "status", "completed", "due_date"), random), random));
        return Input.json("patch-task", "PATCH", "/api/v1/tasks/" + task, body, Expected.served(200, response -> {
            JsonNode patched = response.json();
            ApiAssertions.assertIsTask(patched);
            assertFieldsEqual(patched, expected, response);
            assertThat(patched.get("id").asLong()).isEqualTo(task);
            assertThat(patched.get("created_at")).as("created_at never changes: %s", response).isEqualTo(current.get("created_at"));
            current = (ObjectNode) patched;
        }));
    }

    private Input appendMessage(Random random) {
        String role = random.nextBoolean() ? "user" : "assistant";
        String content = Texts.text(random, 1 + random.nextInt(random.nextInt(10) == 0 ? 9_999 : 300));
        List<Member> members = new ArrayList<>(List.of(Member.of("role", JsonText.quote(role)),
                Member.of("content", random.nextBoolean() ? JsonText.quote(content) : JsonText.quoteEscapingAll(content))));
        members.add(Member.of("conversation_id", Long.toString(fixture.victimConversation())));
        byte[] body = BadInputs.utf8(JsonText.object(withUnknown(members, Set.of("role", "content"), random), random));
        return Input.json("append-message", "POST", "/api/v1/conversations/" + conversation + "/messages", body, Expected.served(201, response -> {
            JsonNode message = response.json();
            ApiAssertions.assertIsMessage(message);
            assertThat(message.get("role").asText()).isEqualTo(role);
            assertThat(message.get("content").asText()).as("content stored exactly as sent: %s", response).isEqualTo(content);
            assertThat(message.get("conversation_id").asLong()).as("the path's conversation, not the body's: %s", response).isEqualTo(conversation);
            messagesAppended++;
        }));
    }

    private Input createConversation(Random random) {
        byte[] body = BadInputs.utf8(JsonText.object(withUnknown(new ArrayList<>(), Set.of(), random), random));
        return Input.json("create-conversation", "POST", "/api/v1/conversations", body, Expected.served(201, response -> {
            ApiAssertions.assertIsConversation(response.json());
            conversationsCreated++;
        }));
    }

    private Input patchMe(Random random) {
        String name = Texts.text(random, random.nextInt(256));
        List<Member> members = new ArrayList<>(List.of(Member.of("name", JsonText.quote(name))));
        if (random.nextBoolean()) {
            members.add(Member.of("current_password", JsonText.quote("a current password without a new one is ignored")));
        }
        byte[] body = BadInputs.utf8(JsonText.object(withUnknown(members, Set.of("name", "password", "current_password"), random), random));
        return Input.json("patch-me", "PATCH", "/api/v1/me", body, Expected.served(200, response -> {
            ApiAssertions.assertIsUser(response.json());
            assertThat(response.json().get("id").asLong()).isEqualTo(user.id());
            assertThat(response.json().get("email").asText()).isEqualTo(user.email());
            assertThat(response.json().get("name").asText()).as("name stored exactly as sent: %s", response).isEqualTo(name);
        }));
    }

    /** One to five unknown members (never a name the route reads, never twice the same), shuffled in. */
    private List<Member> withUnknown(List<Member> members, Set<String> read, Random random) {
        List<Member> result = new ArrayList<>(members);
        Set<String> taken = new HashSet<>(read);
        members.forEach(member -> taken.add(Json.parse(member.key()).asText()));
        int count = 1 + random.nextInt(5);
        while (count > 0) {
            String key = random.nextInt(5) == 0 ? pick(List.of("id", "user_id", "owner_id", "task_id", "created_at", "updated_at", "version"), random)
                    : BadInputs.unknownKey(random);
            if (!taken.add(key)) {
                continue;
            }
            String value = switch (key) {
                case "id", "task_id" -> Long.toString(fixture.otherTask());
                case "user_id", "owner_id" -> Long.toString(fixture.other().id());
                case "created_at", "updated_at" -> "\"1970-01-01T00:00:00Z\"";
                default -> Texts.anyValue(random, 4);
            };
            result.add(Member.of(key, value));
            count--;
        }
        Collections.shuffle(result, random);
        return result;
    }

    private static void assertFieldsEqual(JsonNode actual, ObjectNode expected, ApiResponse response) {
        for (Map.Entry<String, JsonNode> field : expected.properties()) {
            if (field.getKey().equals("updated_at") || field.getKey().equals("id") || field.getKey().equals("created_at")) {
                continue;
            }
            assertThat(actual.get(field.getKey())).as("%s stored exactly as sent (unknown fields ignored): %s", field.getKey(), response)
                    .isEqualTo(field.getValue());
        }
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
