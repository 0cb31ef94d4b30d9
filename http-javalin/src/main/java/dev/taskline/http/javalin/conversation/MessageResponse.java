package dev.taskline.http.javalin.conversation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.http.javalin.json.JsonConfig;
import java.io.IOException;
import java.time.Instant;

/** {@code {"id", "conversation_id", "role", "content", "created_at"}}. */
@JsonSerialize(using = MessageResponse.Writer.class)
public record MessageResponse(long id, long conversationId, String role, String content, Instant createdAt) {

    public static MessageResponse from(Message message) {
        return new MessageResponse(message.id().value(), message.conversationId().value(), message.role().wireName(),
                message.content().value(), message.createdAt());
    }

    /** Writes a message as Jackson's bean serializer would (a test compares the two); see TaskResponse.Writer. */
    static final class Writer extends StdSerializer<MessageResponse> {
        private static final SerializedString ID = new SerializedString("id");
        private static final SerializedString CONVERSATION_ID = new SerializedString("conversation_id");
        private static final SerializedString ROLE = new SerializedString("role");
        private static final SerializedString CONTENT = new SerializedString("content");
        private static final SerializedString CREATED_AT = new SerializedString("created_at");

        Writer() {
            super(MessageResponse.class);
        }

        @Override
        public void serialize(MessageResponse message, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject(message);
            json.writeFieldName(ID);
            json.writeNumber(message.id());
            json.writeFieldName(CONVERSATION_ID);
            json.writeNumber(message.conversationId());
            json.writeFieldName(ROLE);
            json.writeString(message.role());
            json.writeFieldName(CONTENT);
            json.writeString(message.content());
            json.writeFieldName(CREATED_AT);
            JsonConfig.writeTimestamp(json, message.createdAt());
            json.writeEndObject();
        }
    }
}
