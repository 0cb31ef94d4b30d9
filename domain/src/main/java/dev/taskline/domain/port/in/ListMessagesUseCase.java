package dev.taskline.domain.port.in;

import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;

/** Oldest first: {@code created_at} ascending, then {@code id} ascending. */
public interface ListMessagesUseCase {

    Page<Message> listMessages(UserId owner, ConversationId conversation, PageRequest page);
}
