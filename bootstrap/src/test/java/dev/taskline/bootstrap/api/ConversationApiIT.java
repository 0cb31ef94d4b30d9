package dev.taskline.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.taskline.bootstrap.api.ApiAssertions.assertInvalid;
import static dev.taskline.bootstrap.api.ApiAssertions.assertIsConversation;
import static dev.taskline.bootstrap.api.ApiAssertions.assertIsMessage;
import static dev.taskline.bootstrap.api.ApiAssertions.assertJson;
import static dev.taskline.bootstrap.api.ApiAssertions.assertPageOrBadRequest;
import static dev.taskline.bootstrap.api.ApiAssertions.assertProblem;
import static dev.taskline.bootstrap.api.ApiAssertions.ids;
import static dev.taskline.bootstrap.api.ApiAssertions.instant;
import static dev.taskline.bootstrap.api.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Conversations and their messages. */
class ConversationApiIT {
    private static final String CONVERSATIONS = "/api/v1/conversations";

    @RegisterExtension
    static final ApiServer server = new ApiServer();
    static ApiClient api;
    /** Does everything that works. */
    static TestUser erin;
    /** Tries everything that must be refused, on one conversation with two messages. */
    static TestUser frank;
    static long franksConversation;

    @BeforeAll
    static void users() {
        api = server.api();
        erin = api.register("erin@example.com");
        frank = api.register("frank@example.com");
        franksConversation = api.createConversation(frank).get("id").asLong();
        api.appendMessage(frank, franksConversation, "user", "Hello?");
        api.appendMessage(frank, franksConversation, "assistant", "Hello, Frank.");
    }

    @Test
    void create_answers201WithTheConversation_andGetAnswersTheSame() {
        JsonNode conversation = assertJson(api.post(CONVERSATIONS, erin, "{}"), 201);
        assertIsConversation(conversation);
        assertThat(api.get(CONVERSATIONS + "/" + conversation.get("id").asLong(), erin).expect(200).json()).isEqualTo(conversation);
        assertThat(ids(api.allPages(CONVERSATIONS, erin, 100))).contains(conversation.get("id").asLong());
    }

    @Test
    void list_isMostRecentlyActiveFirst_andANewMessageMovesAConversationToTheTop() {
        long first = api.createConversation(erin).get("id").asLong();
        long second = api.createConversation(erin).get("id").asLong();
        long third = api.createConversation(erin).get("id").asLong();
        assertThat(ours(api.allPages(CONVERSATIONS, erin, 100), first, second, third)).containsExactly(third, second, first);

        JsonNode before = api.get(CONVERSATIONS + "/" + first, erin).expect(200).json();
        api.appendMessage(erin, first, "user", "bump");

        List<JsonNode> all = api.allPages(CONVERSATIONS, erin, 2);
        assertThat(all.getFirst().get("id").asLong()).as("the conversation just written to is on top").isEqualTo(first);
        assertThat(ours(all, first, second, third)).containsExactly(first, third, second);
        assertThat(all).isSortedAccordingTo(Comparator.<JsonNode, Instant>comparing(c -> instant(c, "updated_at"))
                .thenComparing(c -> c.get("id").asLong()).reversed());

        JsonNode after = api.get(CONVERSATIONS + "/" + first, erin).expect(200).json();
        assertThat(instant(after, "updated_at")).as("updated_at moves with a new message").isAfter(instant(before, "updated_at"));
        assertThat(after.get("created_at")).isEqualTo(before.get("created_at"));
    }

    @Test
    void delete_answers204_andTheConversationAndItsMessagesAreGone() {
        long id = api.createConversation(erin).get("id").asLong();
        api.appendMessage(erin, id, "user", "one");
        api.appendMessage(erin, id, "assistant", "two");
        String path = CONVERSATIONS + "/" + id;

        ApiResponse deleted = api.delete(path, erin);

        deleted.expect(204);
        assertThat(deleted.body()).isEmpty();
        assertProblem(api.get(path, erin), 404);
        assertProblem(api.get(path + "/messages", erin), 404);
        assertProblem(api.post(path + "/messages", erin, object("role", "user", "content", "anyone?")), 404);
        assertProblem(api.delete(path, erin), 404);
        assertThat(ids(api.allPages(CONVERSATIONS, erin, 100))).doesNotContain(id);
    }

    @Test
    void conversationsThatNeverExisted_are404() {
        String path = CONVERSATIONS + "/" + Long.MAX_VALUE;
        assertProblem(api.get(path, erin), 404);
        assertProblem(api.delete(path, erin), 404);
        assertProblem(api.get(path + "/messages", erin), 404);
        assertProblem(api.post(path + "/messages", erin, object("role", "user", "content", "hello")), 404);
    }

    @Test
    void postMessage_answers201_forUserAndAssistant_storesTheContentExactly_andMovesTheConversation() {
        JsonNode conversation = api.createConversation(erin);
        long id = conversation.get("id").asLong();
        String content = "  Hi!\n\tHow are you? 🚀 \"quoted\" \\ ";

        JsonNode fromUser = assertJson(api.post(CONVERSATIONS + "/" + id + "/messages", erin, object("role", "user", "content", content)), 201);
        JsonNode fromAssistant = api.post(CONVERSATIONS + "/" + id + "/messages", erin, object("role", "assistant", "content", "💬".repeat(10_000)))
                .expect(201).json();
        JsonNode blank = api.appendMessage(erin, id, "user", " \n ");

        assertIsMessage(fromUser);
        assertIsMessage(fromAssistant);
        assertThat(fromUser.get("conversation_id").asLong()).isEqualTo(id);
        assertThat(fromUser.get("role").asText()).isEqualTo("user");
        assertThat(fromUser.get("content").asText()).isEqualTo(content);
        assertThat(fromAssistant.get("role").asText()).isEqualTo("assistant");
        assertThat(fromAssistant.get("content").asText()).isEqualTo("💬".repeat(10_000));
        assertThat(blank.get("content").asText()).as("whitespace-only content is kept as sent").isEqualTo(" \n ");
        JsonNode after = api.get(CONVERSATIONS + "/" + id, erin).expect(200).json();
        assertThat(instant(after, "updated_at")).isAfter(instant(conversation, "updated_at"));
    }

    @Test
    void messages_areListedOldestFirst_acrossPages() {
        long id = api.createConversation(erin).get("id").asLong();
        List<JsonNode> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sent.add(api.appendMessage(erin, id, i % 2 == 0 ? "user" : "assistant", "message " + i + " 💬"));
        }

        JsonNode firstPage = assertJson(api.get(CONVERSATIONS + "/" + id + "/messages", erin), 200);
        assertThat(firstPage.get("items")).containsExactlyElementsOf(sent);
        assertThat(firstPage.get("next_cursor").isNull()).isTrue();
        for (int limit : new int[] {1, 2, 3, 7}) {
            assertThat(api.allPages(CONVERSATIONS + "/" + id + "/messages", erin, limit)).as("pages of %d", limit).containsExactlyElementsOf(sent);
        }
        JsonNode two = api.get(CONVERSATIONS + "/" + id + "/messages?limit=2", erin).expect(200).json();
        assertThat(two.get("items")).containsExactlyElementsOf(sent.subList(0, 2));
        assertThat(two.get("next_cursor").isTextual()).isTrue();
    }

    @Test
    void lists_answerFiftyByDefault() {
        long busy = api.createConversation(erin).get("id").asLong();
        for (int i = 0; i < 51; i++) {
            api.appendMessage(erin, busy, "user", "message " + i);
            api.createConversation(erin);
        }

        JsonNode messages = api.get(CONVERSATIONS + "/" + busy + "/messages", erin).expect(200).json();
        assertThat(messages.get("items")).hasSize(50);
        assertThat(messages.get("next_cursor").isTextual()).isTrue();
        JsonNode conversations = api.get(CONVERSATIONS, erin).expect(200).json();
        assertThat(conversations.get("items")).hasSize(50);
        assertThat(conversations.get("next_cursor").isTextual()).isTrue();
    }

    @Test
    void conversations_walkAcrossPagesWithoutDuplicates() {
        for (int i = 0; i < 5; i++) {
            api.createConversation(erin);
        }
        List<Long> all = ids(api.allPages(CONVERSATIONS, erin, 100));

        assertThat(all.size()).isGreaterThanOrEqualTo(5);
        for (int limit : new int[] {1, 2, 3}) {
            assertThat(ids(api.allPages(CONVERSATIONS, erin, limit))).as("pages of %d", limit).containsExactlyElementsOf(all);
        }
    }

    static Stream<Arguments> invalidMessages() {
        return Stream.of(
                arguments(object("role", "system", "content", "obey"), "role"),
                arguments(object("role", "", "content", "hello"), "role"),
                arguments(object("content", "hello"), "role"),
                arguments(object("role", null, "content", "hello"), "role"),
                arguments(object("role", 1, "content", "hello"), "role"),
                arguments(object("role", "user", "content", ""), "content"),
                arguments(object("role", "user"), "content"),
                arguments(object("role", "user", "content", null), "content"),
                arguments(object("role", "user", "content", "c".repeat(10_001)), "content"),
                arguments(object("role", "user", "content", "nul\u0000content"), "content"),
                arguments(object("role", "user", "content", 42), "content"),
                arguments(object("role", "user", "content", List.of("a", "b")), "content"),
                arguments(object("role", "system", "content", ""), "role"));
    }

    @ParameterizedTest
    @MethodSource("invalidMessages")
    void postMessage_refusesInvalidInput_namingTheField_andChangesNothing(JsonNode body, String field) {
        var before = api.stateOf(frank);

        assertInvalid(api.post(CONVERSATIONS + "/" + franksConversation + "/messages", frank, body), field);

        assertThat(api.stateOf(frank)).as("no message, and the conversation's updated_at did not move").isEqualTo(before);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                arguments("limit=0", "limit"),
                arguments("limit=101", "limit"),
                arguments("limit=abc", "limit"),
                arguments("cursor=garbage!", "cursor"),
                arguments("cursor=abc", "cursor"));
    }

    @ParameterizedTest
    @MethodSource("badQueries")
    void lists_refuseABadQueryParameter_namingIt(String query, String field) {
        var before = api.stateOf(frank);

        assertInvalid(api.get(CONVERSATIONS + "?" + query, frank), field);
        assertInvalid(api.get(CONVERSATIONS + "/" + franksConversation + "/messages?" + query, frank), field);

        assertThat(api.stateOf(frank)).isEqualTo(before);
    }

    static Stream<Arguments> forgedCursors() {
        return Stream.of("conversations", "messages")
                .flatMap(list -> ForgedCursors.absurd().stream().map(cursor -> arguments(list, cursor)));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("forgedCursors")
    void lists_withAForgedCursor_answerAPageOr400_neverAServerError(String list, String cursor) {
        var before = api.stateOf(frank);
        String path = list.equals("conversations") ? CONVERSATIONS : CONVERSATIONS + "/" + franksConversation + "/messages";

        assertPageOrBadRequest(api.get(path + "?cursor=" + cursor, frank));

        assertThat(api.stateOf(frank)).isEqualTo(before);
    }

    /** The given ids in the order the list has them. */
    private static List<Long> ours(List<JsonNode> list, Long... wanted) {
        List<Long> wantedIds = List.of(wanted);
        return ids(list).stream().filter(wantedIds::contains).toList();
    }
}
