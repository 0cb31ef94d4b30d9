package dev.taskline.domain.model.conversation;

import dev.taskline.domain.error.Validation;
import java.util.Objects;

public record NewMessage(MessageRole role, MessageContent content) {

    public NewMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /** From a request body's raw {@code role} and {@code content}, reporting both when both are bad. */
    public static NewMessage of(String role, String content) {
        var validation = new Validation();
        MessageRole parsedRole = validation.check(() -> MessageRole.fromWireName(role));
        MessageContent parsedContent = validation.check(() -> new MessageContent(content));
        validation.throwIfFailed();
        return new NewMessage(parsedRole, parsedContent);
    }
}
