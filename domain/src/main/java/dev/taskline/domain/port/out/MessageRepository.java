package dev.taskline.domain.port.out;

import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.domain.model.conversation.NewMessage;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;
import java.util.Optional;

public interface MessageRepository {

    /**
     * Appends to the owner's conversation and moves the conversation's {@code updated_at};
     * empty when the conversation is absent or not the owner's.
     */
    Optional<Message> append(UserId owner, ConversationId conversation, NewMessage message);

    /** Oldest first: {@code created_at} ascending, then {@code id} ascending; empty for another user's conversation. */
    Page<Message> list(UserId owner, ConversationId conversation, PageRequest page);
}
