package dev.taskline.domain.model.conversation;

import dev.taskline.domain.model.TextRules;

/** Stored exactly as sent (not trimmed, so whitespace-only content is kept); 1..10,000 characters. */
public record MessageContent(String value) {

    public static final int MAX_LENGTH = 10_000;

    public MessageContent {
        TextRules.require(value, "content", 1, MAX_LENGTH);
    }
}
