package dev.taskline.domain.port.in;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.user.UserId;

public interface CreateConversationUseCase {

    Conversation create(UserId owner);
}
