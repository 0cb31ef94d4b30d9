package dev.taskline.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as a client sees it: real HTTP to the running server, JSON in and out. Shortcuts for the
 * common requests ({@link #get}, {@link #post}, {@link #patch}, {@link #delete}, {@link #register},
 * {@link #login}), {@link #request} for anything unusual, and {@link #stateOf} to prove that a
 * refused request changed nothing.
 */
public final class ApiClient {
    public static final String PASSWORD = "correct horse battery staple";

    private final Supplier<URI> baseUri;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ApiClient(Supplier<URI> baseUri) {
        this.baseUri = baseUri;
    }

    public ApiRequest request(String method, String path) {
        return new ApiRequest(this, method, path);
    }

    public ApiResponse get(String path, TestUser as) {
        return request("GET", path).as(as).send();
    }

    public ApiResponse post(String path, TestUser as, Object jsonBody) {
        return request("POST", path).as(as).json(jsonBody).send();
    }

    public ApiResponse patch(String path, TestUser as, Object jsonBody) {
        return request("PATCH", path).as(as).json(jsonBody).send();
    }

    public ApiResponse delete(String path, TestUser as) {
        return request("DELETE", path).as(as).send();
    }

    /** Registers {@code email} with {@link #PASSWORD}; fails unless the server answers 201. */
    public TestUser register(String email) {
        return register(email, PASSWORD);
    }

    public TestUser register(String email, String password) {
        ApiResponse response = post("/api/v1/auth/register", null, Json.object("email", email, "password", password)).expect(201);
        JsonNode user = response.json().path("user");
        return new TestUser(user.path("id").asLong(), user.path("email").asText(), password, response.json().path("access_token").asText());
    }

    public ApiResponse login(String email, String password) {
        return post("/api/v1/auth/login", null, Json.object("email", email, "password", password));
    }

    /** Creates a task with this body for {@code user}; fails unless the server answers 201. */
    public JsonNode createTask(TestUser user, Object body) {
        return post("/api/v1/tasks", user, body).expect(201).json();
    }

    public JsonNode createTask(TestUser user, String title) {
        return createTask(user, Json.object("title", title));
    }

    public JsonNode createConversation(TestUser user) {
        return post("/api/v1/conversations", user, "{}").expect(201).json();
    }

    public JsonNode appendMessage(TestUser user, long conversation, String role, String content) {
        return post("/api/v1/conversations/" + conversation + "/messages", user, Json.object("role", role, "content", content))
                .expect(201).json();
    }

    /**
     * Every item of a list endpoint, walking {@code next_cursor} with pages of {@code limit}; fails
     * on a page larger than the limit, a repeated item or a cursor that goes round in circles.
     */
    public List<JsonNode> allPages(String path, TestUser user, int limit) {
        return allPages(path, user, limit, page -> {
        });
    }

    /** {@link #allPages(String, TestUser, int)}, handing each page's answer to {@code onPage} as it comes (to count the requests). */
    public List<JsonNode> allPages(String path, TestUser user, int limit, Consumer<ApiResponse> onPage) {
        List<JsonNode> items = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            String page = path + separator + "limit=" + limit + (cursor == null ? "" : "&cursor=" + encode(cursor));
            ApiResponse response = get(page, user);
            onPage.accept(response);
            response.expect(200);
            JsonNode body = response.json();
            ApiAssertions.assertIsPage(body);
            assertThat(body.get("items").size()).as("page size of %s", response).isLessThanOrEqualTo(limit);
            for (JsonNode item : body.get("items")) {
                assertThat(seen.add(item.get("id").asLong())).as("item %s seen twice while paging %s", item, path).isTrue();
                items.add(item);
            }
            JsonNode next = body.get("next_cursor");
            cursor = next.isNull() ? null : next.asText();
            assertThat(cursor == null || cursors.add(cursor)).as("cursor %s repeated while paging %s", cursor, path).isTrue();
        } while (cursor != null);
        return items;
    }

    /**
     * Everything {@code user} can see through the API: the account, every task with its ETag, every
     * conversation with its messages. Equal snapshots before and after a request prove it changed nothing.
     */
    public ObjectNode stateOf(TestUser user) {
        ObjectNode state = Json.MAPPER.createObjectNode();
        state.set("me", get("/api/v1/me", user).expect(200).json());
        ArrayNode tasks = state.putArray("tasks");
        for (JsonNode task : allPages("/api/v1/tasks", user, 100)) {
            ApiResponse single = get("/api/v1/tasks/" + task.get("id").asLong(), user).expect(200);
            ObjectNode withTag = ((ObjectNode) task).deepCopy();
            withTag.put("etag", single.etag());
            tasks.add(withTag);
        }
        ArrayNode conversations = state.putArray("conversations");
        for (JsonNode conversation : allPages("/api/v1/conversations", user, 100)) {
            ObjectNode withMessages = ((ObjectNode) conversation).deepCopy();
            ArrayNode messages = withMessages.putArray("messages");
            allPages("/api/v1/conversations/" + conversation.get("id").asLong() + "/messages", user, 100).forEach(messages::add);
            conversations.add(withMessages);
        }
        return state;
    }

    /**
     * Sends {@code count} requests at once (released together from a latch, each on its own thread)
     * and returns the answers in the order of their index.
     */
    public List<ApiResponse> concurrently(int count, IntFunction<ApiResponse> request) {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ApiResponse>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(threads.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a concurrent request failed", e);
        }
    }

    public static String encode(String queryValue) {
        return URLEncoder.encode(queryValue, StandardCharsets.UTF_8);
    }

    public URI uri(String path) {
        return baseUri.get().resolve(path);
    }

    public ApiResponse send(HttpRequest request, String description) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(description, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + description, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + description, e);
        }
    }
}
