package dev.taskline.domain.model.conversation;

import dev.taskline.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** A conversation; {@code updatedAt} moves with every message appended (the database keeps it). */
public record Conversation(ConversationId id, UserId owner, Instant createdAt, Instant updatedAt) {

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
