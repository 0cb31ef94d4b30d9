package dev.taskline.domain.port.in;

import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.user.UserId;

/** Deletes the conversation with its messages. */
public interface DeleteConversationUseCase {

    void delete(UserId owner, ConversationId id);
}
