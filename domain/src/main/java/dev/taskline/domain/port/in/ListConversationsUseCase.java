package dev.taskline.domain.port.in;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;

/** Most recently active first: {@code updated_at} descending, then {@code id} descending. */
public interface ListConversationsUseCase {

    Page<Conversation> list(UserId owner, PageRequest page);
}
