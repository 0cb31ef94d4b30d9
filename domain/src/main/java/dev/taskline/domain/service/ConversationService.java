package dev.taskline.domain.service;

import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.domain.model.conversation.NewMessage;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.in.AppendMessageUseCase;
import dev.taskline.domain.port.in.CreateConversationUseCase;
import dev.taskline.domain.port.in.DeleteConversationUseCase;
import dev.taskline.domain.port.in.GetConversationUseCase;
import dev.taskline.domain.port.in.ListConversationsUseCase;
import dev.taskline.domain.port.in.ListMessagesUseCase;
import dev.taskline.domain.port.out.ConversationRepository;
import dev.taskline.domain.port.out.MessageRepository;
import java.util.Objects;

/**
 * Conversations and their messages. Every use case here is one statement (or, for listing
 * messages, at most two independent reads), atomic on its own: none opens a transaction, which would only
 * add a COMMIT round trip. Appends serialise on the conversation's row inside their statement.
 */
public final class ConversationService implements CreateConversationUseCase, GetConversationUseCase, ListConversationsUseCase,
        DeleteConversationUseCase, AppendMessageUseCase, ListMessagesUseCase {

    private final ConversationRepository conversations;
    private final MessageRepository messages;

    public ConversationService(ConversationRepository conversations, MessageRepository messages) {
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @Override
    public Conversation create(UserId owner) {
        return conversations.insert(owner);
    }

    @Override
    public Conversation get(UserId owner, ConversationId id) {
        return conversations.find(owner, id).orElseThrow(() -> NotFound.conversation(id));
    }

    @Override
    public Page<Conversation> list(UserId owner, PageRequest page) {
        return conversations.list(owner, page);
    }

    @Override
    public void delete(UserId owner, ConversationId id) {
        if (!conversations.delete(owner, id)) {
            throw NotFound.conversation(id);
        }
    }

    @Override
    public Message append(UserId owner, ConversationId conversation, NewMessage message) {
        return messages.append(owner, conversation, message)
                .orElseThrow(() -> NotFound.conversation(conversation));
    }

    /**
     * A foreign conversation must answer 404, not an empty page: when the page is empty, the
     * conversation is looked up. No transaction: under READ COMMITTED it would not make the two
     * reads one snapshot anyway.
     */
    @Override
    public Page<Message> listMessages(UserId owner, ConversationId conversation, PageRequest page) {
        Page<Message> found = messages.list(owner, conversation, page);
        // A message of the owner in this conversation proves the conversation is theirs (the
        // schema ties a message to a conversation of the same user), so only an empty page needs
        // a second look to tell an empty conversation from someone else's or none.
        if (found.items().isEmpty() && conversations.find(owner, conversation).isEmpty()) {
            throw NotFound.conversation(conversation);
        }
        return found;
    }
}
