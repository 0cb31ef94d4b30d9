package dev.taskline.domain.model.task;

import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.TextRules;

/**
 * A title, stripped of surrounding whitespace ({@link String#strip()}), then 1..200 characters.
 * The constructor strips too, so no instance holds an unstripped title whichever way it was made.
 */
public record TaskTitle(String value) {

    public static final int MAX_LENGTH = 200;
    private static final String FIELD = "title";

    public TaskTitle {
        TextRules.requireStorable(value, FIELD);
        value = value.strip();
        if (isBlank(value)) {
            throw ValidationFailed.of(FIELD, "must not be blank");
        }
        TextRules.require(value, FIELD, 1, MAX_LENGTH);
    }

    public static TaskTitle of(String raw) {
        return new TaskTitle(raw);
    }

    /**
     * Blank also when made of spaces that strip() keeps, such as the no-break space U+00A0. A loop,
     * not a stream of code points: every title read from the database is checked again.
     */
    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
