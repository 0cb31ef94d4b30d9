package dev.taskline.http.javalin.request;

import java.util.OptionalLong;

/**
 * Ids in paths. Anything but a positive 64-bit decimal ({@code abc}, {@code 0}, {@code -1},
 * {@code +5}, twenty digits) names no resource that could exist: callers answer 404, never 500.
 */
public final class PathIds {

    private static final int MAX_DIGITS = 19;

    private PathIds() {
    }

    public static OptionalLong parse(String raw) {
        if (raw == null || !AsciiDigits.only(raw, MAX_DIGITS)) {
            return OptionalLong.empty();
        }
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException overflow) {
            return OptionalLong.empty();
        }
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
