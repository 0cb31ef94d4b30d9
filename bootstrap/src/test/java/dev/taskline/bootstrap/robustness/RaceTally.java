package dev.taskline.bootstrap.robustness;

import dev.taskline.bootstrap.api.ApiResponse;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a race met: rounds, requests and their answers by status, plus whatever else the race
 * checked. Thread-safe: walkers and writers count into one tally. {@link #line} prints the
 * figures in the one format docs/reliability.md quotes.
 */
final class RaceTally {
    private final String name;
    private final Map<Integer, Integer> outcomes = new TreeMap<>();
    private final Map<String, Long> checked = new LinkedHashMap<>();
    private int rounds;
    private long started = System.nanoTime();

    RaceTally(String name) {
        this.name = name;
    }

    synchronized void round() {
        rounds++;
    }

    synchronized void count(ApiResponse response) {
        outcomes.merge(response.status(), 1, Integer::sum);
    }

    void countAll(Collection<ApiResponse> responses) {
        responses.forEach(this::count);
    }

    /** Adds {@code amount} to a named figure (rows checked, pages walked...). */
    synchronized void add(String figure, long amount) {
        checked.merge(figure, amount, Long::sum);
    }

    synchronized String line() {
        int requests = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        String extra = checked.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return "RACE " + name + ": rounds=" + rounds + ", requests=" + requests + ", outcomes=" + outcomes
                + (extra.isEmpty() ? "" : ", " + extra) + ", seconds=" + String.format("%.1f", (System.nanoTime() - started) / 1e9);
    }

    synchronized Map<Integer, Integer> outcomes() {
        return Map.copyOf(outcomes);
    }

    void print() {
        System.out.println(line());
    }
}
