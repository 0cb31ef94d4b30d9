package dev.taskline.domain.port.in;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.user.UserId;

public interface GetConversationUseCase {

    Conversation get(UserId owner, ConversationId id);
}
