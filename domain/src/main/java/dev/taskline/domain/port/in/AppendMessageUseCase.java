package dev.taskline.domain.port.in;

import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.domain.model.conversation.NewMessage;
import dev.taskline.domain.model.user.UserId;

/**
 * Appends a message (built from raw values with {@link NewMessage#of}); the conversation becomes
 * the most recently active one.
 */
public interface AppendMessageUseCase {

    Message append(UserId owner, ConversationId conversation, NewMessage message);
}
