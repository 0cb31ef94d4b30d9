package dev.taskline.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static dev.taskline.bootstrap.api.ApiAssertions.assertInvalid;
import static dev.taskline.bootstrap.api.ApiAssertions.assertIsPage;
import static dev.taskline.bootstrap.api.ApiAssertions.assertJson;
import static dev.taskline.bootstrap.api.ApiAssertions.assertPageOrBadRequest;
import static dev.taskline.bootstrap.api.ApiAssertions.assertIsTask;
import static dev.taskline.bootstrap.api.ApiAssertions.ids;
import static dev.taskline.bootstrap.api.ApiAssertions.instant;
import static dev.taskline.bootstrap.api.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code GET /api/v1/tasks}: order, filters, limits and cursors, on a fixed set of 57 tasks that no
 * test in this class changes.
 */
class TaskListApiIT {
    private static final String TASKS = "/api/v1/tasks";
    private static final List<String> STATUSES = List.of("pending", "in_progress", "completed");
    private static final int COUNT = 57;

    @RegisterExtension
    static final ApiServer server = new ApiServer();
    static ApiClient api;
    static TestUser carol;
    /** Carol's tasks, newest first, as the list must give them. */
    static final List<JsonNode> newestFirst = new ArrayList<>();

    @BeforeAll
    static void fiftySevenTasks() {
        api = server.api();
        carol = api.register("carol@example.com");
        for (int i = 0; i < COUNT; i++) {
            newestFirst.addFirst(api.createTask(carol, object("title", "Task " + i, "status", STATUSES.get(i % 3))));
        }
    }

    @Test
    void list_isNewestFirst_byCreatedAtThenId() {
        List<JsonNode> all = api.allPages(TASKS, carol, 100);

        all.forEach(ApiAssertions::assertIsTask);
        assertThat(ids(all)).as("the list, newest first").containsExactlyElementsOf(ids(newestFirst));
        Comparator<JsonNode> contractOrder = Comparator.<JsonNode, java.time.Instant>comparing(task -> instant(task, "created_at"))
                .thenComparing(task -> task.get("id").asLong()).reversed();
        assertThat(all).isSortedAccordingTo(contractOrder);
        assertThat(all).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void list_isGzipped_forAClientThatAcceptsIt_andTheSameOnceInflated() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api.uri(TASKS + "?limit=50"))
                .header("Authorization", carol.authorization()).header("Accept-Encoding", "gzip").GET().build();
        HttpResponse<byte[]> answer;
        try (HttpClient client = HttpClient.newHttpClient()) {
            answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
        JsonNode page = Json.MAPPER.readTree(new GZIPInputStream(new ByteArrayInputStream(answer.body())));
        assertThat(page).isEqualTo(assertJson(api.get(TASKS + "?limit=50", carol), 200));
        assertThat(ids(page.get("items"))).containsExactlyElementsOf(ids(newestFirst.subList(0, 50)));
    }

    @Test
    void list_withoutALimit_answersFiftyAndACursor() {
        JsonNode page = assertJson(api.get(TASKS, carol), 200);

        assertIsPage(page);
        assertThat(ids(page.get("items"))).containsExactlyElementsOf(ids(newestFirst.subList(0, 50)));
        assertThat(page.get("next_cursor").isTextual()).as("more than 50 tasks: a next page").isTrue();
    }

    @Test
    void list_honoursTheLimitBounds() {
        JsonNode one = api.get(TASKS + "?limit=1", carol).expect(200).json();
        assertThat(ids(one.get("items"))).containsExactly(newestFirst.getFirst().get("id").asLong());
        assertThat(one.get("next_cursor").isTextual()).isTrue();

        JsonNode hundred = api.get(TASKS + "?limit=100", carol).expect(200).json();
        assertThat(hundred.get("items")).hasSize(COUNT);
        assertThat(hundred.get("next_cursor").isNull()).as("everything fits: no next page").isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 19, 56, 57})
    void walkingNextCursor_visitsEveryTaskOnce_inOrder(int limit) {
        assertThat(ids(api.allPages(TASKS, carol, limit))).containsExactlyElementsOf(ids(newestFirst));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "in_progress", "completed"})
    void list_filtersByStatus_acrossPages(String status) {
        List<Long> expected = ids(newestFirst.stream().filter(task -> task.get("status").asText().equals(status)).toList());

        List<JsonNode> filtered = api.allPages(TASKS + "?status=" + status, carol, 4);

        assertThat(ids(filtered)).isNotEmpty().containsExactlyElementsOf(expected);
        filtered.forEach(task -> assertThat(task.get("status").asText()).isEqualTo(status));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void list_filtersByCompleted_acrossPages(boolean completed) {
        List<Long> expected = ids(newestFirst.stream().filter(task -> task.get("completed").booleanValue() == completed).toList());

        List<JsonNode> filtered = api.allPages(TASKS + "?completed=" + completed, carol, 5);

        assertThat(ids(filtered)).isNotEmpty().containsExactlyElementsOf(expected);
        filtered.forEach(task -> {
            assertIsTask(task);
            assertThat(task.get("completed").booleanValue()).isEqualTo(completed);
        });
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                arguments("limit=0", "limit"),
                arguments("limit=101", "limit"),
                arguments("limit=abc", "limit"),
                arguments("limit=-1", "limit"),
                arguments("limit=1.5", "limit"),
                arguments("limit=99999999999999999999", "limit"),
                arguments("cursor=garbage!", "cursor"),
                arguments("cursor=abc", "cursor"),
                arguments("cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "cursor"),
                arguments("status=unknown", "status"),
                arguments("completed=maybe", "completed"),
                arguments("completed=yes", "completed"));
    }

    @ParameterizedTest
    @MethodSource("badQueries")
    void list_refusesABadQueryParameter_namingIt(String query, String field) {
        assertInvalid(api.get(TASKS + "?" + query, carol), field);
    }

    static List<String> forgedCursors() {
        return ForgedCursors.absurd();
    }

    @ParameterizedTest
    @MethodSource("forgedCursors")
    void list_withAForgedCursor_answersAPageOr400_neverAServerError(String cursor) {
        assertPageOrBadRequest(api.get(TASKS + "?cursor=" + cursor, carol));
        assertPageOrBadRequest(api.get(TASKS + "?status=pending&cursor=" + cursor, carol));
    }

    @Test
    void list_isUnchangedByRefusedQueries() {
        badQueries().forEach(arguments -> api.get(TASKS + "?" + arguments.get()[0], carol));
        forgedCursors().forEach(cursor -> api.get(TASKS + "?cursor=" + cursor, carol));

        assertThat(api.allPages(TASKS, carol, 100)).containsExactlyElementsOf(newestFirst);
    }
}
