package dev.taskline.http.javalin.security;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate: at most {@code requests} per {@code period}, as a token bucket of that capacity refilled
 * evenly over the period ({@code 10/min} allows a burst of 10, then one more every 6 seconds).
 */
public record RateLimit(long requests, Duration period) {

    public static final long MAX_REQUESTS = 1_000_000;
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,7})\\s*/\\s*(\\S+)");

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (requests < 1 || requests > MAX_REQUESTS) {
            throw new IllegalArgumentException("a rate limit allows 1.." + MAX_REQUESTS + " requests, not " + requests);
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a rate limit's period must be between 1 second and 1 day, not " + period);
        }
    }

    public static RateLimit perMinute(long requests) {
        return new RateLimit(requests, Duration.ofMinutes(1));
    }

    /**
     * {@code N/unit}: {@code 10/min}, {@code 30/minute}, {@code 5/s}, {@code 100/h}, or a period
     * of its own, {@code 3/10s}, {@code 20/5m}, {@code 10/PT1M}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RateLimit parse(String text) {
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected requests/period, like 10/min or 3/10s, not '" + text + "'");
        }
        return new RateLimit(Long.parseLong(matcher.group(1)), period(matcher.group(2)));
    }

    /** Refill speed: how long one request's token takes to come back. */
    public Duration interval() {
        return period.dividedBy(requests);
    }

    @Override
    public String toString() {
        return requests + "/" + period.toSeconds() + "s";
    }

    private static Duration period(String unit) {
        String lower = unit.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "s", "sec", "second" -> {
                return Duration.ofSeconds(1);
            }
            case "m", "min", "minute" -> {
                return Duration.ofMinutes(1);
            }
            case "h", "hour" -> {
                return Duration.ofHours(1);
            }
            default -> {
                // fall through to an amount with a unit
            }
        }
        try {
            if (lower.matches("\\d{1,6}[smh]")) {
                long amount = Long.parseLong(lower.substring(0, lower.length() - 1));
                return switch (lower.charAt(lower.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            return Duration.parse(unit.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("unknown period '" + unit + "': use s, min, h, or an amount like 10s, 5m, PT1M");
        }
    }
}
