package dev.taskline.http.javalin.request;

/**
 * The check before a number in a path, a query or an ETag is parsed: ASCII digits only (no sign,
 * no space, none of the other scripts' digits that {@code Character.isDigit} accepts). A loop
 * rather than {@code chars().allMatch}: it runs on most requests, and a stream pipeline per call
 * was a visible share of a request's own CPU (docs/benchmarks.md).
 */
public final class AsciiDigits {

    private AsciiDigits() {
    }

    /** True when {@code text} is 1 to {@code maxLength} characters, all of them {@code 0}-{@code 9}. */
    public static boolean only(String text, int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
