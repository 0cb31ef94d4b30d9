package dev.taskline.domain.model.conversation;

import dev.taskline.domain.error.ValidationFailed;
import java.util.Locale;

public enum MessageRole {
    USER, ASSISTANT;

    /** The API's spelling: {@code user}, {@code assistant}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exact, case-sensitive match of a wire name; anything else fails on {@code role}. */
    public static MessageRole fromWireName(String wireName) {
        for (MessageRole role : values()) {
            if (role.wireName().equals(wireName)) {
                return role;
            }
        }
        throw ValidationFailed.of("role", "must be one of: user, assistant");
    }
}
