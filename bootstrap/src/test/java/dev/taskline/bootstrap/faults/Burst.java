package dev.taskline.bootstrap.faults;

import dev.taskline.bootstrap.faults.Load.Outcome;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Requests sent all at once, each from a client thread and connection of its own. */
final class Burst {
    private Burst() {
    }

    /** As {@link #send}, in the background: the test meanwhile does what the requests will meet. */
    static CompletableFuture<List<Outcome>> sendAsync(int count, IntFunction<HttpRequest> request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(count, request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }, runnable -> Thread.ofPlatform().name("burst").start(runnable));
    }

    /** Sends {@code count} requests at the same moment and waits for every outcome. */
    static List<Outcome> send(int count, IntFunction<HttpRequest> request) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    try (HttpClient http = Load.httpClient()) {
                        HttpRequest built = request.apply(index);
                        ready.countDown();
                        go.await();
                        return Load.send(http, built.method() + " " + built.uri().getPath(), built);
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    throw new AssertionError(e.getCause());
                }
            }
            return outcomes;
        }
    }
}
