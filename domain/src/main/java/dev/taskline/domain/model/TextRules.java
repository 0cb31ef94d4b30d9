package dev.taskline.domain.model;

import dev.taskline.domain.error.ValidationFailed;

/**
 * The rules every stored text shares. Lengths count Unicode code points, so 200 emoji make a
 * 200-character title even though they are 400 Java {@code char}s.
 */
public final class TextRules {

    private TextRules() {
    }

    public static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * Returns {@code text} unchanged if it is present, storable and {@code min..max} code points
     * long; otherwise throws {@link ValidationFailed} on {@code field}.
     */
    public static String require(String text, String field, int min, int max) {
        requireStorable(text, field);
        int length = codePoints(text);
        if (length < min) {
            throw ValidationFailed.of(field, min == 1 ? "must not be empty" : "must be at least " + min + " characters");
        }
        if (length > max) {
            throw ValidationFailed.of(field, "must be at most " + max + " characters");
        }
        return text;
    }

    /**
     * Present, without NUL (PostgreSQL text cannot hold it) and without unpaired surrogates (they
     * have no UTF-8 form, so the text could not be stored exactly as sent).
     */
    public static String requireStorable(String text, String field) {
        if (text == null) {
            throw ValidationFailed.of(field, "is required");
        }
        if (text.indexOf('\0') >= 0) {
            throw ValidationFailed.of(field, "must not contain the NUL character");
        }
        if (hasUnpairedSurrogate(text)) {
            throw ValidationFailed.of(field, "must be valid Unicode text");
        }
        return text;
    }

    private static boolean hasUnpairedSurrogate(String text) {
        // A plain loop: every text read from the database is checked too (50 rows a page), and a
        // code point stream cost several times more.
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a proper pair
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
