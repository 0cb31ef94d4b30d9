package dev.taskline.bootstrap.robustness;

import dev.taskline.bootstrap.api.ApiClient;
import dev.taskline.bootstrap.api.ApiResponse;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a property: draws {@code tries} inputs from a generator (seeded, so that a run can be
 * replayed with {@code -Drobustness.seed=…}), sends each to the running server, checks the answer
 * against what the input says is expected, and counts. Nothing stops at the first violation: the
 * report lists them all (the first few in full, with the server's own log lines).
 */
final class Fuzzer {
    /** Longer than any answer of a healthy server here takes; an input without an answer by then is a hang. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int SHOWN_VIOLATIONS = 12;
    private static final long BASE_SEED = Long.getLong("robustness.seed", new Random().nextLong());

    private Fuzzer() {
    }

    static long baseSeed() {
        return BASE_SEED;
    }

    /**
     * @param authorization sent with every input that sets no {@code Authorization} of its own
     */
    static Report run(ApiClient api, String authorization, String name, int tries, Function<Random, Input> generator) {
        long seed = BASE_SEED ^ name.hashCode();
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> categories = new TreeMap<>();
        List<Violation> violations = new ArrayList<>();
        int hangs = 0;
        int unanswered = 0;
        int reconnects = 0;
        Map<String, Integer> reconnectedAfter = new TreeMap<>();
        Input previous = null;
        long start = System.nanoTime();
        try (ServerLog log = ServerLog.capture()) {
            for (int i = 0; i < tries; i++) {
                Input input = generator.apply(random);
                Input before = previous;
                previous = input;
                categories.merge(input.category(), 1, Integer::sum);
                int mark = log.mark();
                ApiResponse response;
                try {
                    response = send(api, authorization, input);
                } catch (UncheckedIOException noAnswer) {
                    if (!(noAnswer.getCause() instanceof HttpTimeoutException)) {
                        // A pooled connection the server had just closed (idle, or after a "Connection: close")
                        // fails without an answer; a second attempt on a fresh connection tells that apart
                        // from a request that really gets none.
                        reconnects++;
                        reconnectedAfter.merge(input.category() + " after " + (before == null ? "nothing" : before.category()), 1, Integer::sum);
                        try {
                            response = send(api, authorization, input);
                        } catch (UncheckedIOException again) {
                            noAnswer = again;
                            response = null;
                        }
                    } else {
                        response = null;
                    }
                    if (response == null) {
                        boolean hung = noAnswer.getCause() instanceof HttpTimeoutException;
                        if (hung) {
                            hangs++;
                        } else {
                            unanswered++;
                        }
                        violations.add(new Violation(i, input, hung ? "no answer within " + TIMEOUT.toSeconds() + " s"
                                : "no answer, twice: " + noAnswer.getCause(), "", log.since(mark)));
                        continue;
                    }
                }
                statuses.merge(response.status(), 1, Integer::sum);
                try {
                    input.expected().check(response);
                } catch (AssertionError wrong) {
                    String reason = reason(wrong);
                    violations.add(new Violation(i, input, reason, response.status() + " " + abbreviate(response.body()), log.since(mark)));
                }
            }
        }
        Report report = new Report(name, seed, tries, statuses, hangs, unanswered, reconnects, violations, categories,
                Duration.ofNanos(System.nanoTime() - start));
        System.out.println(report.line());
        if (!reconnectedAfter.isEmpty()) {
            System.out.println("ROBUSTNESS " + name + " reconnects: " + reconnectedAfter);
        }
        return report;
    }

    private static ApiResponse send(ApiClient api, String authorization, Input input) {
        return input.toRequest(api, authorization, TIMEOUT).send();
    }

    /** An assertion's own words, without the request and answer it quotes (shown beside it anyway). */
    private static String reason(AssertionError wrong) {
        String message = String.valueOf(wrong.getMessage()).replaceAll("\\s+", " ").strip();
        String what = "";
        if (message.startsWith("[")) {
            what = message.substring(1, Math.min(message.length(), 70));
            for (String cut : List.of(" of ", ": ", " (", "]")) {
                int at = what.indexOf(cut);
                if (at > 0) {
                    what = what.substring(0, at);
                }
            }
        }
        int expecting = message.lastIndexOf("Expecting");
        String detail = expecting >= 0 ? message.substring(expecting) : message;
        return abbreviate((what.isEmpty() ? "" : what + ": ") + detail);
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...(" + text.length() + " chars)";
    }

    record Violation(int index, Input input, String reason, String answer, List<String> serverLog) {
        @Override
        public String toString() {
            return "#" + index + " [" + input.category() + "] " + input + "\n      expected: " + input.expected().describe()
                    + "\n      actual:   " + (answer.isEmpty() ? reason : answer) + "\n      why:      " + reason
                    + (serverLog.isEmpty() ? "" : "\n      server:   " + String.join("\n                ", serverLog));
        }
    }

    record Report(String name, long seed, int inputs, Map<Integer, Integer> statuses, int hangs, int unanswered, int reconnects,
                  List<Violation> violations, Map<String, Integer> categories, Duration took) {

        int count(int fromStatus, int toStatus) {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= fromStatus && e.getKey() <= toStatus).mapToInt(Map.Entry::getValue).sum();
        }

        /** The figures, in the one format docs/reliability.md quotes. */
        String line() {
            return "ROBUSTNESS " + name + ": inputs=" + inputs + ", 4xx=" + count(400, 499) + ", 5xx=" + count(500, 599) + ", hangs=" + hangs
                    + ", 2xx=" + count(200, 299) + ", no-answer=" + unanswered + ", violations=" + violations.size() + ", statuses=" + statuses
                    + ", reconnects=" + reconnects + ", seconds=" + String.format("%.1f", took.toMillis() / 1000.0) + ", seed=" + seed
                    + ", kinds=" + kinds();
        }

        /** The inputs counted by kind (the category up to its {@code @}, which only says where the bad bytes went). */
        Map<String, Integer> kinds() {
            Map<String, Integer> kinds = new TreeMap<>();
            categories.forEach((category, count) -> kinds.merge(category.replaceAll("@.*", "").replaceAll("^([a-z-]+):[a-z-]+\\+[a-z+-]+$", "$1:two-fields"), count, Integer::sum));
            return kinds;
        }

        /** Every violation counted by category, the first ones in full. */
        String failures() {
            Map<String, Long> byCategory = violations.stream()
                    .collect(Collectors.groupingBy(violation -> violation.input().category(), TreeMap::new, Collectors.counting()));
            return line() + "\n  violations by category: " + byCategory + "\n  first " + Math.min(SHOWN_VIOLATIONS, violations.size())
                    + " (replay with -Drobustness.seed=" + BASE_SEED + "):\n    "
                    + violations.stream().limit(SHOWN_VIOLATIONS).map(Violation::toString).collect(Collectors.joining("\n    "));
        }
    }
}
