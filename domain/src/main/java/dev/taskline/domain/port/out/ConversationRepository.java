package dev.taskline.domain.port.out;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;
import java.util.Optional;

/** Every query is filtered by owner: another user's conversation reads as absent. */
public interface ConversationRepository {

    Conversation insert(UserId owner);

    Optional<Conversation> find(UserId owner, ConversationId id);

    /** Most recently active first: {@code updated_at} descending, then {@code id} descending. */
    Page<Conversation> list(UserId owner, PageRequest page);

    /** Deletes the conversation and its messages; false when it is absent or not the owner's. */
    boolean delete(UserId owner, ConversationId id);
}
