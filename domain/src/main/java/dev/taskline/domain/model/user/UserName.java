package dev.taskline.domain.model.user;

import dev.taskline.domain.model.TextRules;

/** A display name, stored exactly as sent (not trimmed); at most 255 characters. */
public record UserName(String value) {

    public static final int MAX_LENGTH = 255;

    public UserName {
        TextRules.require(value, "name", 0, MAX_LENGTH);
    }
}
