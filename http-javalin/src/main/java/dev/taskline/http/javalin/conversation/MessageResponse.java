package dev.taskline.http.javalin.conversation;

import dev.taskline.domain.model.conversation.Message;
import java.time.Instant;

/** {@code {"id", "conversation_id", "role", "content", "created_at"}}. */
public record MessageResponse(long id, long conversationId, String role, String content, Instant createdAt) {

    public static MessageResponse from(Message message) {
        return new MessageResponse(message.id().value(), message.conversationId().value(), message.role().wireName(),
                message.content().value(), message.createdAt());
    }
}
