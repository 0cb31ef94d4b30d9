package dev.taskline.bootstrap.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskline.bootstrap.api.ApiAssertions;
import dev.taskline.bootstrap.api.ApiClient;
import dev.taskline.bootstrap.api.ApiResponse;
import dev.taskline.bootstrap.api.ApiServer;
import dev.taskline.bootstrap.api.Json;
import dev.taskline.bootstrap.api.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static dev.taskline.bootstrap.api.ApiAssertions.assertProblem;
import static dev.taskline.bootstrap.api.ApiAssertions.instant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races (docs/reliability.md, "Races"), with real threads against the running server, each
 * repeated for several rounds: the same If-Match from many writers, one email registered in many
 * letter cases at once, one task deleted by many clients, and keyset pages walked while other
 * requests create, delete and append. The small versions of the first three in the api suite
 * ({@code TaskApiIT}, {@code AuthApiIT}) show the rule; these show that it holds under contention,
 * round after round. Each race prints {@code RACE <name>: rounds=…, requests=…, outcomes=…}.
 */
class RaceIT {
    private static final List<String> STATUSES = List.of("pending", "in_progress", "completed");

    @RegisterExtension
    static final ApiServer server = new ApiServer();
    static ApiClient api;
    static TestUser racer;

    @BeforeAll
    static void aUser() {
        api = server.api();
        racer = api.register("racer@example.com");
    }

    @Test
    void patchesWithTheSameIfMatch_exactlyOneWins_theOthersGet412_andTheStoredTaskIsTheWinners() {
        RaceTally tally = new RaceTally("patch-same-if-match");
        int writers = 16;
        for (int round = 0; round < 10; round++) {
            ApiResponse created = api.post("/api/v1/tasks", racer, Json.object("title", "Raced in round " + round)).expect(201);
            String path = "/api/v1/tasks/" + created.id();
            String etag = created.etag();
            int currentRound = round;

            List<ApiResponse> answers = api.concurrently(writers, i -> api.request("PATCH", path).as(racer).header("If-Match", etag)
                    .json(Json.object("title", "Writer " + i + " of round " + currentRound, "description", "written by " + i,
                            "status", STATUSES.get(i % 3)))
                    .send());

            tally.round();
            tally.countAll(answers);
            List<ApiResponse> winners = answers.stream().filter(answer -> answer.status() == 200).toList();
            assertThat(winners).as("round %d: exactly one writer wins: %s", round, answers).hasSize(1);
            answers.stream().filter(answer -> answer.status() != 200).forEach(answer -> assertProblem(answer, 412));
            ApiResponse winner = winners.getFirst();
            ApiResponse stored = api.get(path, racer).expect(200);
            assertThat(stored.json()).as("round %d: the stored task is the winner's, whole", round).isEqualTo(winner.json());
            assertThat(stored.etag()).as("round %d: and so is its ETag", round).isEqualTo(winner.etag());
            assertThat(version(stored.etag())).as("round %d: one update, one new version", round).isEqualTo(version(etag) + 1);
            tally.add("tasks-checked", 1);
        }
        tally.print();
        assertThat(tally.outcomes()).containsOnlyKeys(200, 412);
    }

    @Test
    void registrationsOfOneEmailInDifferentLetterCases_createOneAccount_theOthersGet409() {
        RaceTally tally = new RaceTally("register-one-email-many-cases");
        int clients = 10;
        for (int round = 0; round < 5; round++) {
            String email = "race-" + round + "@example.com";
            List<ApiResponse> answers = api.concurrently(clients, i -> api.post("/api/v1/auth/register", null,
                    Json.object("email", letterCase(email, i), "password", ApiClient.PASSWORD + " " + i)));

            tally.round();
            tally.countAll(answers);
            List<ApiResponse> created = answers.stream().filter(answer -> answer.status() == 201).toList();
            assertThat(created).as("round %d: one account: %s", round, answers).hasSize(1);
            answers.stream().filter(answer -> answer.status() != 201).forEach(answer -> assertProblem(answer, 409));
            assertThat(usersWithEmail(email)).as("round %d: one row for %s in any case", round, email).isEqualTo(1);
            int winner = answers.indexOf(created.getFirst());
            ApiResponse login = api.login(email.toUpperCase(Locale.ROOT), ApiClient.PASSWORD + " " + winner).expect(200);
            assertThat(login.json().at("/user/id").asLong()).as("round %d: the winner's password opens the one account", round)
                    .isEqualTo(created.getFirst().json().at("/user/id").asLong());
            tally.add("accounts-checked", 1);
        }
        tally.print();
        assertThat(tally.outcomes()).containsOnlyKeys(201, 409);
    }

    @Test
    void deletesOfOneTask_answerOne204_theOthers404_andTheRowIsGone() {
        RaceTally tally = new RaceTally("delete-one-task");
        int clients = 16;
        for (int round = 0; round < 10; round++) {
            long id = api.createTask(racer, "Deleted by many in round " + round).get("id").asLong();
            String path = "/api/v1/tasks/" + id;

            List<ApiResponse> answers = api.concurrently(clients, i -> api.delete(path, racer));

            tally.round();
            tally.countAll(answers);
            assertThat(answers.stream().filter(answer -> answer.status() == 204)).as("round %d: one delete: %s", round, answers).hasSize(1);
            answers.stream().filter(answer -> answer.status() != 204).forEach(answer -> assertProblem(answer, 404));
            assertProblem(api.get(path, racer), 404);
            assertThat(rows("SELECT count(*) FROM tasks WHERE id = ?", id)).as("round %d: no row left", round).isZero();
            tally.add("rows-checked", 1);
        }
        tally.print();
        assertThat(tally.outcomes()).containsOnlyKeys(204, 404);
    }

    /**
     * Walkers page through a user's tasks (newest first, small random page sizes) while writers
     * create new tasks, delete some of the old ones and append messages. Every task that existed
     * before the walk and was not deleted during it is seen exactly once, none twice, in the
     * contract's order; tasks created during the walk (newer than any page already read) may or
     * may not be seen.
     */
    @Test
    void keysetPagesOfTasks_stayExact_whileOtherRequestsCreateDeleteAndAppend() {
        RaceTally tally = new RaceTally("keyset-tasks-under-writes");
        Random random = new Random(Fuzzer.baseSeed());
        for (int round = 0; round < 4; round++) {
            TestUser owner = api.register("task-walker-" + round + "@example.com");
            List<Long> before = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                before.add(api.createTask(owner, Json.object("title", "Existing " + i, "status", STATUSES.get(i % 3))).get("id").asLong());
            }
            long conversation = api.createConversation(owner).get("id").asLong();
            List<Long> shuffled = new ArrayList<>(before);
            Collections.shuffle(shuffled, random);
            Set<Long> doomed = Set.copyOf(shuffled.subList(0, 15));
            Set<Long> created = Collections.synchronizedSet(new HashSet<>());
            int[] limits = {1 + random.nextInt(4), 3 + random.nextInt(5), 7 + random.nextInt(10)};

            List<List<JsonNode>> walks = underWrites(tally, List.of(
                    stop -> {
                        for (long id : doomed) {
                            tally.count(api.delete("/api/v1/tasks/" + id, owner).expect(204));
                            pause(3);
                        }
                        return null;
                    },
                    stop -> {
                        for (int i = 0; i < 60 && !stop.get(); i++) {
                            ApiResponse answer = api.post("/api/v1/tasks", owner, Json.object("title", "Created while walking " + i)).expect(201);
                            tally.count(answer);
                            created.add(answer.id());
                        }
                        return null;
                    },
                    stop -> {
                        for (int i = 0; i < 60 && !stop.get(); i++) {
                            tally.count(api.post("/api/v1/conversations/" + conversation + "/messages", owner,
                                    Json.object("role", "user", "content", "written while walking " + i)).expect(201));
                        }
                        return null;
                    }),
                    limits.length, walker -> api.allPages("/api/v1/tasks", owner, limits[walker], tally::count));

            tally.round();
            Set<Long> survivors = new HashSet<>(before);
            survivors.removeAll(doomed);
            for (List<JsonNode> walk : walks) {
                List<Long> seen = ApiAssertions.ids(walk);
                assertThat(seen).as("round %d: no task twice", round).doesNotHaveDuplicates();
                assertThat(seen).as("round %d: every task that existed and was not deleted, once", round).containsAll(survivors);
                Set<Long> known = new HashSet<>(before);
                known.addAll(created);
                assertThat(known).as("round %d: nothing but this user's tasks", round).containsAll(seen);
                for (int i = 1; i < walk.size(); i++) {
                    JsonNode previous = walk.get(i - 1);
                    JsonNode next = walk.get(i);
                    boolean ordered = instant(previous, "created_at").isAfter(instant(next, "created_at"))
                            || (instant(previous, "created_at").equals(instant(next, "created_at"))
                            && previous.get("id").asLong() > next.get("id").asLong());
                    assertThat(ordered).as("round %d: newest first, then id: %s before %s", round, previous, next).isTrue();
                }
                tally.add("pre-existing-checked", survivors.size());
                tally.add("deleted-seen", seen.stream().filter(doomed::contains).count());
                tally.add("created-seen", seen.stream().filter(created::contains).count());
            }
            tally.add("walks", walks.size());
        }
        tally.print();
        assertThat(tally.outcomes()).containsOnlyKeys(200, 201, 204);
    }

    /**
     * Walkers page through a conversation's messages (oldest first) while a writer appends more
     * and others create and delete tasks: every message that existed before the walk is seen
     * exactly once, in order, before any appended during it; none twice.
     */
    @Test
    void keysetPagesOfMessages_stayExact_whileOtherRequestsAppendCreateAndDelete() {
        RaceTally tally = new RaceTally("keyset-messages-under-writes");
        Random random = new Random(Fuzzer.baseSeed() + 1);
        for (int round = 0; round < 4; round++) {
            TestUser owner = api.register("message-walker-" + round + "@example.com");
            long conversation = api.createConversation(owner).get("id").asLong();
            String messages = "/api/v1/conversations/" + conversation + "/messages";
            List<Long> before = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                before.add(api.appendMessage(owner, conversation, i % 2 == 0 ? "user" : "assistant", "Existing " + i).get("id").asLong());
            }
            List<Long> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tasks.add(api.createTask(owner, "Task " + i).get("id").asLong());
            }
            Set<Long> appended = Collections.synchronizedSet(new HashSet<>());
            int[] limits = {1 + random.nextInt(4), 3 + random.nextInt(5), 7 + random.nextInt(10)};

            List<List<JsonNode>> walks = underWrites(tally, List.of(
                    stop -> {
                        for (int i = 0; i < 40 && !stop.get(); i++) {
                            ApiResponse answer = api.post(messages, owner, Json.object("role", "assistant", "content", "appended while walking " + i))
                                    .expect(201);
                            tally.count(answer);
                            appended.add(answer.id());
                        }
                        return null;
                    },
                    stop -> {
                        for (long id : tasks) {
                            tally.count(api.delete("/api/v1/tasks/" + id, owner).expect(204));
                            tally.count(api.post("/api/v1/tasks", owner, Json.object("title", "replacing " + id)).expect(201));
                        }
                        return null;
                    }),
                    limits.length, walker -> api.allPages(messages, owner, limits[walker], tally::count));

            tally.round();
            for (List<JsonNode> walk : walks) {
                List<Long> seen = ApiAssertions.ids(walk);
                assertThat(seen).as("round %d: no message twice", round).doesNotHaveDuplicates();
                assertThat(seen.subList(0, Math.min(before.size(), seen.size())))
                        .as("round %d: the messages that existed, each once, oldest first, before any appended during the walk", round)
                        .containsExactlyElementsOf(before);
                assertThat(appended).as("round %d: after them, only messages appended during the walk", round)
                        .containsAll(seen.subList(before.size(), seen.size()));
                for (int i = 1; i < walk.size(); i++) {
                    Instant previous = instant(walk.get(i - 1), "created_at");
                    Instant next = instant(walk.get(i), "created_at");
                    assertThat(!previous.isAfter(next)).as("round %d: oldest first: %s before %s", round, walk.get(i - 1), walk.get(i)).isTrue();
                }
                tally.add("pre-existing-checked", before.size());
                tally.add("appended-seen", seen.size() - before.size());
            }
            tally.add("walks", walks.size());
        }
        tally.print();
        assertThat(tally.outcomes()).containsOnlyKeys(200, 201, 204);
    }

    /**
     * Starts the writers, then {@code walkers} walkers, all released together; stops the writers
     * once every walker is done. Returns each walker's items. A failure in any thread fails the test.
     */
    private static List<List<JsonNode>> underWrites(RaceTally tally, List<Function<AtomicBoolean, Void>> writers, int walkers,
                                                    Function<Integer, List<JsonNode>> walk) {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> writing = new ArrayList<>();
            for (Function<AtomicBoolean, Void> writer : writers) {
                writing.add(threads.submit(() -> {
                    start.await();
                    return writer.apply(stop);
                }));
            }
            List<Future<List<JsonNode>>> walking = new ArrayList<>();
            for (int i = 0; i < walkers; i++) {
                int walker = i;
                walking.add(threads.submit(() -> {
                    start.await();
                    pause(2 * walker); // the writers first, then the walkers, staggered
                    return walk.apply(walker);
                }));
            }
            start.countDown();
            List<List<JsonNode>> walks = new ArrayList<>();
            for (Future<List<JsonNode>> walker : walking) {
                walks.add(await(walker, failures));
            }
            stop.set(true);
            writing.forEach(writer -> await(writer, failures));
            if (!failures.isEmpty()) {
                AssertionError failed = new AssertionError("a thread of the race failed: " + failures.peek(), failures.peek());
                failures.stream().skip(1).forEach(failed::addSuppressed);
                throw failed;
            }
            tally.add("threads", writers.size() + walkers);
            return walks;
        }
    }

    private static <T> T await(Future<T> future, ConcurrentLinkedQueue<Throwable> failures) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            failures.add(failed.getCause());
        } catch (TimeoutException | InterruptedException e) {
            failures.add(e);
        }
        return null;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long version(String etag) {
        return Long.parseLong(etag.replace("W/", "").replace("\"", ""));
    }

    /** {@code email} with the letters chosen by the bits of {@code variant} in upper case: ten different spellings of one address. */
    private static String letterCase(String email, int variant) {
        StringBuilder spelled = new StringBuilder();
        int letter = 0;
        for (char c : email.toCharArray()) {
            if (Character.isLetter(c)) {
                spelled.append((variant >> (letter++ % 10) & 1) == 1 ? Character.toUpperCase(c) : c);
            } else {
                spelled.append(c);
            }
        }
        return spelled.toString();
    }

    private static long usersWithEmail(String email) {
        return rows("SELECT count(*) FROM users WHERE lower(email) = lower(?)", email);
    }

    private static long rows(String sql, Object parameter) {
        try (Connection connection = server.dataSource().getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
