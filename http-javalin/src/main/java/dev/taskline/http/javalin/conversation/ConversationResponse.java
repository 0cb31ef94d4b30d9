package dev.taskline.http.javalin.conversation;

import dev.taskline.domain.model.conversation.Conversation;
import java.time.Instant;

/** {@code {"id", "created_at", "updated_at"}}. */
public record ConversationResponse(long id, Instant createdAt, Instant updatedAt) {

    public static ConversationResponse from(Conversation conversation) {
        return new ConversationResponse(conversation.id().value(), conversation.createdAt(), conversation.updatedAt());
    }
}
