package dev.taskline.domain.model.conversation;

import java.time.Instant;
import java.util.Objects;

/** A message as stored; messages are never edited, hence no {@code updatedAt}. */
public record Message(MessageId id, ConversationId conversationId, MessageRole role, MessageContent content, Instant createdAt) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
