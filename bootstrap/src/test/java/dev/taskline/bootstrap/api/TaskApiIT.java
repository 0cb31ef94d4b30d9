package dev.taskline.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.taskline.bootstrap.api.ApiAssertions.assertInvalid;
import static dev.taskline.bootstrap.api.ApiAssertions.assertJson;
import static dev.taskline.bootstrap.api.ApiAssertions.assertIsTask;
import static dev.taskline.bootstrap.api.ApiAssertions.assertProblem;
import static dev.taskline.bootstrap.api.ApiAssertions.ids;
import static dev.taskline.bootstrap.api.ApiAssertions.instant;
import static dev.taskline.bootstrap.api.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** One task at a time: create, read, update (with ETags), delete, and every way to get them wrong. */
class TaskApiIT {
    private static final String TASKS = "/api/v1/tasks";
    private static final String STRONG_OR_WEAK_TAG = "(W/)?\"[^\"]*\"";

    @RegisterExtension
    static final ApiServer server = new ApiServer();
    static ApiClient api;
    /** Does everything that works. */
    static TestUser alice;
    /** Tries everything that must be refused, on few rows, so that "nothing changed" is cheap to prove. */
    static TestUser bob;
    static long bobsTask;

    @BeforeAll
    static void users() {
        api = server.api();
        alice = api.register("alice@example.com");
        bob = api.register("bob@example.com");
        bobsTask = api.createTask(bob, object("title", "Bob's only task", "description", "keep me", "due_date", "2026-12-31")).get("id").asLong();
    }

    @Test
    void create_answers201_withLocationAndETag_trimsTheTitle_andFillsTheDefaults() {
        ApiResponse created = api.post(TASKS, alice, object("title", "  Buy milk  "));

        JsonNode task = assertJson(created, 201);
        assertIsTask(task);
        long id = task.get("id").asLong();
        assertThat(created.header("Location")).as("Location of %s", created)
                .hasValueSatisfying(location -> assertThat(location).endsWith(TASKS + "/" + id));
        assertThat(created.etag()).matches(STRONG_OR_WEAK_TAG);
        assertThat(task.get("title").asText()).isEqualTo("Buy milk");
        assertThat(task.get("description").isNull()).isTrue();
        assertThat(task.get("status").asText()).isEqualTo("pending");
        assertThat(task.get("completed").booleanValue()).isFalse();
        assertThat(task.get("due_date").isNull()).isTrue();

        ApiResponse fetched = api.get(TASKS + "/" + id, alice);
        assertThat(assertJson(fetched, 200)).isEqualTo(task);
        assertThat(fetched.etag()).isEqualTo(created.etag());
    }

    @Test
    void create_withEveryField_storesThemAsSent() {
        String description = "  line one\n\tline two 🚀 \"quoted\" \\ ";
        JsonNode task = api.createTask(alice, object("title", "Plan the trip", "description", description,
                "status", "in_progress", "due_date", "2026-02-28"));

        assertIsTask(task);
        assertThat(task.get("description").asText()).isEqualTo(description);
        assertThat(task.get("status").asText()).isEqualTo("in_progress");
        assertThat(task.get("completed").booleanValue()).isFalse();
        assertThat(task.get("due_date").asText()).isEqualTo("2026-02-28");

        JsonNode done = api.createTask(alice, object("title", "Already done", "status", "completed"));
        assertThat(done.get("completed").booleanValue()).as("completed follows the status: %s", done).isTrue();
    }

    @Test
    void create_acceptsTheLongestTexts_countedInCharacters() {
        String emojiTitle = "🚀".repeat(200);
        String description = "🚀".repeat(10_000);

        JsonNode task = api.createTask(alice, object("title", emojiTitle, "description", description));

        assertThat(task.get("title").asText()).isEqualTo(emojiTitle);
        assertThat(task.get("description").asText()).isEqualTo(description);
        assertThat(api.get(TASKS + "/" + task.get("id").asLong(), alice).expect(200).json()).isEqualTo(task);

        JsonNode padded = api.createTask(alice, object("title", "  " + "t".repeat(200) + "\n\t "));
        assertThat(padded.get("title").asText()).as("the title is measured after trimming").isEqualTo("t".repeat(200));
    }

    @Test
    void create_keepsAnEmptyDescriptionAsSent() {
        JsonNode task = api.createTask(alice, object("title", "Nothing to add", "description", ""));

        assertThat(task.get("description").isTextual()).as("stored exactly as sent: %s", task).isTrue();
        assertThat(task.get("description").asText()).isEmpty();
    }

    static Stream<Arguments> invalidNewTasks() {
        return Stream.of(
                arguments(object(), "title"),
                arguments(object("title", null), "title"),
                arguments(object("title", ""), "title"),
                arguments(object("title", "   \t "), "title"),
                arguments(object("title", "\u00a0\u2003\u3000"), "title"),
                arguments(object("title", "x".repeat(201)), "title"),
                arguments(object("title", "🚀".repeat(201)), "title"),
                arguments(object("title", 5), "title"),
                arguments(object("title", true), "title"),
                arguments(object("title", "nul\u0000title"), "title"),
                arguments(object("title", "ok", "description", "d".repeat(10_001)), "description"),
                arguments(object("title", "ok", "description", 42), "description"),
                arguments(object("title", "ok", "description", "nul\u0000"), "description"),
                arguments(object("title", "ok", "status", "done"), "status"),
                arguments(object("title", "ok", "status", ""), "status"),
                arguments(object("title", "ok", "status", true), "status"),
                arguments(object("title", "ok", "due_date", "2026-02-30"), "due_date"),
                arguments(object("title", "ok", "due_date", "31/12/2026"), "due_date"),
                arguments(object("title", "ok", "due_date", "2026-1-5"), "due_date"),
                arguments(object("title", "ok", "due_date", "tomorrow"), "due_date"),
                arguments(object("title", "ok", "due_date", 20261231), "due_date"));
    }

    @ParameterizedTest
    @MethodSource("invalidNewTasks")
    void create_refusesInvalidInput_namingTheField_andCreatesNothing(JsonNode body, String field) {
        var before = api.stateOf(bob);

        assertInvalid(api.post(TASKS, bob, body), field);

        assertThat(api.stateOf(bob)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "0001-01-01", "1970-01-01", "2028-02-29", "9999-12-31"})
    void create_withADueDateAtTheEdgesOfFourDigitYears_storesItOrRefusesIt_neverAServerError(String dueDate) {
        ApiResponse response = api.post(TASKS, bob, object("title", "Edge of time", "due_date", dueDate));

        if (response.status() == 201) {
            assertThat(response.json().get("due_date").asText()).as("stored as sent, or refused: %s", response).isEqualTo(dueDate);
            assertThat(api.get(TASKS + "/" + response.id(), bob).expect(200).json().get("due_date").asText()).isEqualTo(dueDate);
            api.delete(TASKS + "/" + response.id(), bob).expect(204);
        } else {
            assertInvalid(response, "due_date");
        }
    }

    @Test
    void create_refusesALoneSurrogate_whichNoUtf8TextCanHold() {
        var before = api.stateOf(bob);

        assertProblem(api.post(TASKS, bob, "{\"title\":\"broken \\ud800 text\"}"), 400);
        assertProblem(api.post(TASKS, bob, "{\"title\":\"ok\",\"description\":\"\\udc00\"}"), 400);

        assertThat(api.stateOf(bob)).isEqualTo(before);
    }

    @Test
    void create_reportsEveryBadFieldAtOnce() {
        assertInvalid(api.post(TASKS, bob, object("title", "", "status", "done", "due_date", 7)), "title", "status", "due_date");
    }

    static Stream<Arguments> patches() {
        return Stream.of(
                arguments("pending", object("title", "  Renamed  "), object("title", "Renamed")),
                arguments("pending", object("title", "🚀".repeat(200)), object("title", "🚀".repeat(200))),
                arguments("pending", object("description", "a new description"), object("description", "a new description")),
                arguments("pending", object("description", null), object("description", null)),
                arguments("pending", object("status", "in_progress"), object("status", "in_progress", "completed", false)),
                arguments("pending", object("status", "completed"), object("status", "completed", "completed", true)),
                arguments("completed", object("status", "pending"), object("status", "pending", "completed", false)),
                arguments("pending", object("completed", true), object("status", "completed", "completed", true)),
                arguments("completed", object("completed", false), object("status", "pending", "completed", false)),
                arguments("in_progress", object("completed", false), object("status", "pending", "completed", false)),
                arguments("in_progress", object("status", "completed", "completed", true), object("status", "completed", "completed", true)),
                arguments("pending", object("due_date", "2027-01-15"), object("due_date", "2027-01-15")),
                arguments("pending", object("due_date", null), object("due_date", null)),
                arguments("pending", object("title", "All at once", "description", null, "status", "in_progress", "due_date", null),
                        object("title", "All at once", "description", null, "status", "in_progress", "completed", false, "due_date", null)));
    }

    @ParameterizedTest(name = "from {0}: {1}")
    @MethodSource("patches")
    void patch_changesExactlyTheFieldsSent_movesUpdatedAt_andGivesANewETag(String startStatus, JsonNode patch, JsonNode expectedChanges) {
        ApiResponse created = api.post(TASKS, alice,
                object("title", "Original", "description", "original description", "status", startStatus, "due_date", "2026-12-31")).expect(201);
        long id = created.id();

        ApiResponse patched = api.patch(TASKS + "/" + id, alice, patch);

        JsonNode task = assertJson(patched, 200);
        assertIsTask(task);
        ObjectNode expected = ((ObjectNode) created.json()).deepCopy();
        expected.setAll((ObjectNode) expectedChanges);
        expected.set("updated_at", task.get("updated_at"));
        assertThat(task).as("the task after %s", patch).isEqualTo(expected);
        assertThat(instant(task, "updated_at")).as("updated_at moves").isAfter(instant(created.json(), "updated_at"));
        assertThat(patched.etag()).matches(STRONG_OR_WEAK_TAG).isNotEqualTo(created.etag());

        ApiResponse fetched = api.get(TASKS + "/" + id, alice).expect(200);
        assertThat(fetched.json()).isEqualTo(task);
        assertThat(fetched.etag()).isEqualTo(patched.etag());
    }

    @Test
    void patch_withTheCurrentIfMatch_succeeds_andWithAStaleOne_answers412AndChangesNothing() {
        ApiResponse created = api.post(TASKS, alice, object("title", "Contended")).expect(201);
        String path = TASKS + "/" + created.id();

        ApiResponse first = api.request("PATCH", path).as(alice).header("If-Match", created.etag()).json(object("title", "First writer")).send()
                .expect(200);
        assertThat(first.etag()).isNotEqualTo(created.etag());

        ApiResponse stale = api.request("PATCH", path).as(alice).header("If-Match", created.etag()).json(object("title", "Second writer")).send();
        assertProblem(stale, 412);

        ApiResponse after = api.get(path, alice).expect(200);
        assertThat(after.json()).isEqualTo(first.json());
        assertThat(after.etag()).isEqualTo(first.etag());

        api.request("PATCH", path).as(alice).header("If-Match", after.etag()).json(object("title", "Second writer, retried")).send()
                .expect(200);
    }

    @Test
    void patchesRacingWithTheSameIfMatch_letExactlyOneWin_andTheOthersGet412() {
        ApiResponse created = api.post(TASKS, alice, object("title", "Raced")).expect(201);
        String path = TASKS + "/" + created.id();

        List<ApiResponse> answers = api.concurrently(6, i -> api.request("PATCH", path).as(alice).header("If-Match", created.etag())
                .json(object("title", "Writer " + i)).send());

        List<ApiResponse> winners = answers.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(winners).as("exactly one writer wins: %s", answers).hasSize(1);
        answers.stream().filter(answer -> answer.status() != 200).forEach(answer -> assertProblem(answer, 412));
        ApiResponse after = api.get(path, alice).expect(200);
        assertThat(after.json()).isEqualTo(winners.getFirst().json());
        assertThat(after.etag()).isEqualTo(winners.getFirst().etag());
    }

    @Test
    void deletesRacingForOneTask_answerOne204_andTheOthers404() {
        long id = api.createTask(alice, "Deleted by many").get("id").asLong();

        List<ApiResponse> answers = api.concurrently(4, i -> api.delete(TASKS + "/" + id, alice));

        assertThat(answers.stream().filter(answer -> answer.status() == 204)).as("%s", answers).hasSize(1);
        answers.stream().filter(answer -> answer.status() != 204).forEach(answer -> assertProblem(answer, 404));
    }

    @Test
    void delete_answers204_thenTheTaskIs404Everywhere() {
        long id = api.createTask(alice, "Short-lived").get("id").asLong();
        String path = TASKS + "/" + id;

        ApiResponse deleted = api.delete(path, alice);

        deleted.expect(204);
        assertThat(deleted.body()).isEmpty();
        assertProblem(api.get(path, alice), 404);
        assertProblem(api.patch(path, alice, object("title", "resurrected?")), 404);
        assertProblem(api.delete(path, alice), 404);
        assertThat(ids(api.allPages(TASKS, alice, 100))).doesNotContain(id);
    }

    @Test
    void get_ofATaskThatNeverExisted_is404() {
        assertProblem(api.get(TASKS + "/" + Long.MAX_VALUE, alice), 404);
        assertProblem(api.patch(TASKS + "/" + Long.MAX_VALUE, alice, object("title", "x")), 404);
        assertProblem(api.delete(TASKS + "/" + Long.MAX_VALUE, alice), 404);
    }

    static Stream<Arguments> invalidPatches() {
        return Stream.of(
                arguments(object("title", ""), "title"),
                arguments(object("title", "   "), "title"),
                arguments(object("title", null), "title"),
                arguments(object("title", "x".repeat(201)), "title"),
                arguments(object("title", 1), "title"),
                arguments(object("title", "nul\u0000"), "title"),
                arguments(object("description", "d".repeat(10_001)), "description"),
                arguments(object("description", false), "description"),
                arguments(object("status", "done"), "status"),
                arguments(object("status", null), "status"),
                arguments(object("completed", "yes"), "completed"),
                arguments(object("completed", 1), "completed"),
                arguments(object("completed", null), "completed"),
                arguments(object("due_date", "2026-13-01"), "due_date"),
                arguments(object("due_date", 1), "due_date"),
                arguments(object("title", "valid", "status", "bogus"), "status"));
    }

    @ParameterizedTest
    @MethodSource("invalidPatches")
    void patch_refusesInvalidInput_namingTheField_andLeavesTheTaskAndItsETag(JsonNode body, String field) {
        ApiResponse before = api.get(TASKS + "/" + bobsTask, bob).expect(200);
        var everything = api.stateOf(bob);

        assertInvalid(api.patch(TASKS + "/" + bobsTask, bob, body), field);

        ApiResponse after = api.get(TASKS + "/" + bobsTask, bob).expect(200);
        assertThat(after.json()).isEqualTo(before.json());
        assertThat(after.etag()).isEqualTo(before.etag());
        assertThat(api.stateOf(bob)).isEqualTo(everything);
    }

    @Test
    void patch_refusesAStatusThatContradictsCompleted() {
        var before = api.stateOf(bob);

        assertProblem(api.patch(TASKS + "/" + bobsTask, bob, object("status", "pending", "completed", true)), 400);
        assertProblem(api.patch(TASKS + "/" + bobsTask, bob, object("status", "completed", "completed", false)), 400);

        assertThat(api.stateOf(bob)).isEqualTo(before);
    }
}
