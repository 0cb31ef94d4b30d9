package dev.taskline.http.javalin.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskDescription;
import dev.taskline.domain.model.task.TaskDetails;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.task.TaskStatus;
import dev.taskline.domain.model.task.TaskTitle;
import dev.taskline.domain.model.user.Email;
import dev.taskline.domain.model.user.PasswordHash;
import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.http.javalin.auth.TokenResponse;
import dev.taskline.http.javalin.conversation.MessageResponse;
import dev.taskline.http.javalin.auth.UserResponse;
import dev.taskline.http.javalin.paging.PageResponse;
import dev.taskline.http.javalin.problem.InvalidField;
import dev.taskline.http.javalin.problem.Problem;
import dev.taskline.http.javalin.problem.ProblemType;
import dev.taskline.http.javalin.security.IssuedToken;
import dev.taskline.http.javalin.task.TaskResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonConfigTest {

    private final ObjectMapper mapper = JsonConfig.objectMapper();

    @Test
    void task_isSnakeCase_withMicrosecondUtcTimestamps_andPlainDates() throws Exception {
        Task task = new Task(new TaskId(7), new UserId(1),
                new TaskDetails(new TaskTitle("Buy milk"), Optional.empty(), TaskStatus.IN_PROGRESS, Optional.of(LocalDate.of(2026, 12, 24))),
                3, Instant.parse("2026-11-22T10:15:30.123456Z"), Instant.parse("2026-11-22T10:15:31Z"));

        String json = mapper.writeValueAsString(TaskResponse.from(task));

        assertThat(json).isEqualTo("{\"id\":7,\"title\":\"Buy milk\",\"description\":null,\"status\":\"in_progress\","
                + "\"completed\":false,\"due_date\":\"2026-12-24\",\"created_at\":\"2026-11-22T10:15:30.123456Z\","
                + "\"updated_at\":\"2026-11-22T10:15:31.000000Z\"}");
    }

    @Test
    void completedTask_saysSo_andKeepsItsDescription() throws Exception {
        Task task = new Task(new TaskId(7), new UserId(1),
                new TaskDetails(new TaskTitle("t"), Optional.of(new TaskDescription("")), TaskStatus.COMPLETED, Optional.empty()),
                0, Instant.EPOCH, Instant.EPOCH);

        JsonNode json = mapper.readTree(mapper.writeValueAsString(TaskResponse.from(task)));

        assertThat(json.get("completed").booleanValue()).isTrue();
        assertThat(json.get("description").textValue()).isEmpty();
        assertThat(json.get("due_date").isNull()).isTrue();
    }

    @Test
    void theHandWrittenWriters_writeExactlyWhatTheBeanSerializerWould() throws Exception {
        // The same configuration without annotations: records serialized by Jackson's bean serializer.
        ObjectMapper beans = ((JsonMapper) JsonConfig.objectMapper()).rebuild().disable(MapperFeature.USE_ANNOTATIONS).build();
        var random = new java.util.Random(7);
        String[] texts = {"Buy milk", "", "quote \" and backslash \\", "emoji \uD83D\uDE00 and \u00e9", "line\nbreak\ttab\u0001"};
        for (int i = 0; i < 200; i++) {
            Instant created = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L);
            var task = new TaskResponse(random.nextLong(), texts[random.nextInt(texts.length)],
                    random.nextBoolean() ? null : texts[random.nextInt(texts.length)], "in_progress", random.nextBoolean(),
                    random.nextBoolean() ? null : LocalDate.ofEpochDay(random.nextInt(3_000_000)), created, created.plusMillis(i));
            var message = new MessageResponse(random.nextLong(), random.nextLong(), "assistant", texts[random.nextInt(texts.length)], created);

            assertThat(mapper.writeValueAsString(task)).isEqualTo(beans.writeValueAsString(task));
            assertThat(mapper.writeValueAsString(message)).isEqualTo(beans.writeValueAsString(message));
        }
        for (LocalDate date : List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1), LocalDate.of(-1, 6, 30))) {
            var task = new TaskResponse(1, "t", null, "pending", false, date, Instant.EPOCH, Instant.EPOCH);
            assertThat(mapper.writeValueAsString(task)).isEqualTo(beans.writeValueAsString(task));
        }
        assertThat(mapper.writeValueAsString(new PageResponse<>(List.of(), null))).isEqualTo("{\"items\":[],\"next_cursor\":null}");
    }

    @Test
    void timestamps_areTruncatedToMicroseconds() {
        assertThat(JsonConfig.format(Instant.parse("2026-11-22T10:15:30.123456789Z"))).isEqualTo("2026-11-22T10:15:30.123456Z");
        assertThat(JsonConfig.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000Z");
    }

    @Test
    void timestamps_byHand_matchTheFormatter_overTheWholeRangeOfYears() {
        var random = new java.util.Random(20261122);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)), random.nextInt(1_000_000_000));
            assertThat(JsonConfig.format(instant)).as("%s", instant)
                    .isEqualTo(JsonConfig.TIMESTAMP.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        }
        assertThat(JsonConfig.format(Instant.parse("2024-02-29T23:59:59.999999999Z"))).isEqualTo("2024-02-29T23:59:59.999999Z");
        assertThat(JsonConfig.format(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo("0001-01-01T00:00:00.000000Z");
        assertThat(JsonConfig.format(Instant.parse("9999-12-31T23:59:59.000001Z"))).isEqualTo("9999-12-31T23:59:59.000001Z");
    }

    @Test
    void tokenResponse_hasTheContractsFields_andNoHash() throws Exception {
        User user = new User(new UserId(1), new Email("a@x.io"), Optional.empty(), new PasswordHash("$2a$10$secret"),
                Instant.EPOCH, Instant.EPOCH);

        JsonNode json = mapper.readTree(mapper.writeValueAsString(TokenResponse.from(user, new IssuedToken("t.o.k", 3600))));

        assertThat(json.fieldNames()).toIterable().containsExactly("user", "access_token", "token_type", "expires_in");
        assertThat(json.get("user").fieldNames()).toIterable().containsExactly("id", "email", "name", "created_at", "updated_at");
        assertThat(json.get("token_type").textValue()).isEqualTo("Bearer");
        assertThat(json.get("expires_in").longValue()).isEqualTo(3600);
        assertThat(json.toString()).doesNotContain("secret").doesNotContain("hash");
        assertThat(UserResponse.from(user).name()).isNull();
    }

    @Test
    void page_hasItemsAndNextCursor_evenWhenNull() throws Exception {
        assertThat(mapper.writeValueAsString(new PageResponse<>(List.of(1, 2), null))).isEqualTo("{\"items\":[1,2],\"next_cursor\":null}");
    }

    @Test
    void problem_omitsErrors_unlessThereAreSome() throws Exception {
        assertThat(mapper.writeValueAsString(Problem.of(ProblemType.NOT_FOUND, "task 1 not found")))
                .isEqualTo("{\"type\":\"https://taskline.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"task 1 not found\"}");
        assertThat(mapper.writeValueAsString(Problem.of(ProblemType.VALIDATION_FAILED, "bad", List.of(new InvalidField("title", "x")))))
                .endsWith(",\"errors\":[{\"field\":\"title\",\"message\":\"x\"}]}");
    }
}
