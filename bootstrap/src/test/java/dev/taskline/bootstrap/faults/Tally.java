package dev.taskline.bootstrap.faults;

import dev.taskline.bootstrap.faults.Load.Outcome;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a load met, counted: requests, answers by status, transport failures, the longest wait.
 * {@link #line} prints the figures in the one format that docs/reliability.md quotes.
 */
public record Tally(
        long requests,
        Map<Integer, Long> statuses,
        long refused,
        long cut,
        long hung,
        long maxMillis,
        long max503Millis,
        long malformed503s,
        List<Long> createdIds) {

    public static Tally of(Collection<Outcome> outcomes) {
        Map<Integer, Long> statuses = outcomes.stream().filter(Outcome::answered)
                .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
        return new Tally(
                outcomes.size(),
                statuses,
                outcomes.stream().filter(Outcome::refused).count(),
                outcomes.stream().filter(o -> !o.answered() && !o.refused() && !o.hung()).count(),
                outcomes.stream().filter(Outcome::hung).count(),
                outcomes.stream().filter(o -> !o.refused()).mapToLong(Outcome::millis).max().orElse(0),
                outcomes.stream().filter(o -> o.status() == 503).mapToLong(Outcome::millis).max().orElse(0),
                outcomes.stream().filter(o -> o.status() == 503 && !o.isProblem503()).count(),
                outcomes.stream().map(Outcome::createdId).filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).toList());
    }

    public long count(int status) {
        return statuses.getOrDefault(status, 0L);
    }

    /** Answers with a status outside {@code expected}. */
    public Map<Integer, Long> unexpected(Integer... expected) {
        Map<Integer, Long> unexpected = new LinkedHashMap<>(statuses);
        for (Integer status : expected) {
            unexpected.remove(status);
        }
        return unexpected;
    }

    public long serverErrors() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503).mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * {@code RELIABILITY <name>: requests=…, 201s=…, 503s=…, 500s=…, lost=…, max-wait-ms=…[, extra]}, printed
     * and returned. {@code lost} is the number of acknowledged writes missing afterwards.
     */
    public String line(String name, long lost, Map<String, Object> extra) {
        StringJoiner figures = new StringJoiner(", ", "RELIABILITY " + name + ": ", "");
        figures.add("requests=" + requests);
        figures.add("2xx=" + statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue).sum());
        figures.add("201s=" + count(201));
        figures.add("503s=" + count(503));
        figures.add("500s=" + serverErrors());
        figures.add("other=" + unexpected(200, 201, 503).entrySet().stream()
                .filter(e -> e.getKey() < 500).mapToLong(Map.Entry::getValue).sum());
        figures.add("refused=" + refused);
        figures.add("cut=" + cut);
        figures.add("hung=" + hung);
        figures.add("lost=" + lost);
        figures.add("max-wait-ms=" + maxMillis);
        extra.forEach((key, value) -> figures.add(key + "=" + value));
        String line = figures.toString();
        System.out.println(line);
        return line;
    }
}
