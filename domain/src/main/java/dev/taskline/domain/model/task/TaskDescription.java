package dev.taskline.domain.model.task;

import dev.taskline.domain.model.TextRules;

/** Free text, stored exactly as sent (not trimmed; may be empty); at most 10,000 characters. */
public record TaskDescription(String value) {

    public static final int MAX_LENGTH = 10_000;

    public TaskDescription {
        TextRules.require(value, "description", 0, MAX_LENGTH);
    }
}
