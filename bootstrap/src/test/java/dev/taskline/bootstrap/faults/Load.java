package dev.taskline.bootstrap.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Client threads sending requests in a loop against a running Taskline over real HTTP, each
 * request's outcome recorded: status or transport failure, latency, the task id of a 201. Every
 * thread has its own HTTP client (its own connections), as separate clients would.
 */
public final class Load {
    /** A request that has not been answered after this long counts as hung. */
    public static final Duration HANG = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request: what was sent, when, and what came back (a status, or the transport failure). */
    public record Outcome(String request, long startNanos, long endNanos, int status, String contentType,
                          Optional<String> retryAfter, String body, Throwable failure) {

        public long millis() {
            return (endNanos - startNanos) / 1_000_000;
        }

        public boolean answered() {
            return failure == null;
        }

        /** Refused at connect: the request never reached a server. */
        public boolean refused() {
            return failure instanceof ConnectException;
        }

        public boolean hung() {
            return failure instanceof HttpTimeoutException;
        }

        /** A 503 the way the contract has it: a problem document with Retry-After. */
        public boolean isProblem503() {
            return status == 503 && contentType.startsWith("application/problem+json") && retryAfter.isPresent()
                    && body.contains("\"status\":503");
        }

        /** The id of the task a 201 created. */
        public OptionalLong createdId() {
            if (status != 201) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(JSON.readTree(body).path("id").asLong());
            } catch (IOException e) {
                throw new AssertionError("a 201 without a JSON body: " + body, e);
            }
        }
    }

    /** What a client thread sends, request after request. */
    @FunctionalInterface
    public interface Client {
        Outcome next(HttpClient http, int thread, long sequence);
    }

    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    private Load() {
    }

    public static Load start(int clientThreads, Client client) {
        Load load = new Load();
        for (int t = 0; t < clientThreads; t++) {
            int thread = t;
            Thread worker = Thread.ofPlatform().name("load-" + t).start(() -> {
                try (HttpClient http = httpClient()) {
                    for (long sequence = 0; load.running.get(); sequence++) {
                        Outcome outcome = client.next(http, thread, sequence);
                        load.outcomes.add(outcome);
                        if (outcome.refused()) {
                            pause(); // nobody listening: do not spin
                        }
                    }
                }
            });
            load.threads.add(worker);
        }
        return load;
    }

    /** The outcomes so far (a snapshot). */
    public List<Outcome> soFar() {
        return List.copyOf(outcomes);
    }

    /** Waits until some request since {@code sinceNanos} was answered {@code status}; false after {@code timeout}. */
    public boolean awaitStatusSince(long sinceNanos, int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (outcomes.stream().anyMatch(o -> o.startNanos() >= sinceNanos && o.status() == status)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Stops the clients (each finishes the request it is in) and returns every outcome. */
    public List<Outcome> stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(HANG.plusSeconds(10).toMillis());
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " still waits for an answer after " + HANG.plusSeconds(10));
            }
        }
        return List.copyOf(outcomes);
    }

    public static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Sends {@code request} and records what happened, a transport failure included. */
    public static Outcome send(HttpClient http, String label, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(label, start, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After"), response.body(), null);
        } catch (IOException e) {
            return new Outcome(label, start, System.nanoTime(), 0, "", Optional.empty(), "", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(label, start, System.nanoTime(), 0, "", Optional.empty(), "", e);
        }
    }

    /** {@code POST /api/v1/tasks} with a title that names the run, the thread and the sequence. */
    public static Client creatingTasks(Supplier<URI> baseUri, String token, String titlePrefix) {
        return (http, thread, sequence) -> send(http, "POST /api/v1/tasks",
                HttpRequest.newBuilder(baseUri.get().resolve("/api/v1/tasks"))
                        .timeout(HANG)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"title\":\"" + titlePrefix + thread + "-" + sequence + "\"}"))
                        .build());
    }

    /** Two creates, then a list of the newest ten, in turn. */
    public static Client creatingAndListingTasks(Supplier<URI> baseUri, String token, String titlePrefix) {
        Client create = creatingTasks(baseUri, token, titlePrefix);
        return (http, thread, sequence) -> sequence % 3 != 2
                ? create.next(http, thread, sequence)
                : send(http, "GET /api/v1/tasks", HttpRequest.newBuilder(baseUri.get().resolve("/api/v1/tasks?limit=10"))
                        .timeout(HANG)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build());
    }

    /** Registers a user and returns its access token (waiting out a rate limit if one answers 429). */
    public static String registerUser(URI baseUri, String email) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/api/v1/auth/register"))
                .timeout(HANG)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}"))
                .build();
        try (HttpClient http = httpClient()) {
            for (int attempt = 0; attempt < 30; attempt++) {
                Outcome outcome = send(http, "POST /api/v1/auth/register", request);
                if (outcome.status() == 201) {
                    JsonNode body = JSON.readTree(outcome.body());
                    return body.path("access_token").asText();
                }
                if (outcome.status() != 429) {
                    throw new AssertionError("registration answered " + outcome.status() + ": " + outcome.body(), outcome.failure());
                }
                Thread.sleep(Duration.ofSeconds(Long.parseLong(outcome.retryAfter().orElse("1"))));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("registration still rate limited after 30 attempts");
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
