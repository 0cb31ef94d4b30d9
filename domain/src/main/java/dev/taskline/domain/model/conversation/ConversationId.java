package dev.taskline.domain.model.conversation;

import dev.taskline.domain.model.PositiveIds;

/** Positive; a non-positive value is refused with {@code ValidationFailed} on {@code id} (see {@link PositiveIds}). */
public record ConversationId(long value) {

    public ConversationId {
        PositiveIds.require(value);
    }
}
