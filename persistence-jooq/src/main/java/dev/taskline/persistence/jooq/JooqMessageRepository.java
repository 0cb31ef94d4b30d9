package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.domain.model.conversation.MessageContent;
import dev.taskline.domain.model.conversation.MessageId;
import dev.taskline.domain.model.conversation.MessageRole;
import dev.taskline.domain.model.conversation.NewMessage;
import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.out.MessageRepository;
import dev.taskline.persistence.jooq.generated.tables.records.MessagesRecord;
import org.jooq.DSLContext;

import java.util.Optional;

import static dev.taskline.persistence.jooq.generated.Tables.CONVERSATIONS;
import static dev.taskline.persistence.jooq.generated.Tables.MESSAGES;
import static org.jooq.impl.DSL.val;

final class JooqMessageRepository implements MessageRepository {
    private final DSLContext dsl;
    private final RenderedOnce<MessagesRecord> append;

    JooqMessageRepository(DSLContext dsl) {
        this.dsl = dsl;
        // INSERT … SELECT from the owner's conversation: no row when it is not theirs, so nothing
        // is written and no foreign-key error is needed. FOR UPDATE serialises appends to one
        // conversation, so created_at (clock_timestamp()) follows commit order and a reader paging
        // oldest-first never passes a message that commits later with an earlier time.
        // A trigger moves the conversation's updated_at. Rendered once (see RenderedOnce); binds:
        // role, content, owner, conversation.
        this.append = new RenderedOnce<>(dsl, MESSAGES,
                dsl.insertInto(MESSAGES, MESSAGES.CONVERSATION_ID, MESSAGES.USER_ID, MESSAGES.ROLE, MESSAGES.CONTENT)
                        .select(dsl.select(CONVERSATIONS.ID, CONVERSATIONS.USER_ID, val("", MESSAGES.ROLE), val("", MESSAGES.CONTENT))
                                .from(CONVERSATIONS)
                                .where(CONVERSATIONS.USER_ID.eq(0L), CONVERSATIONS.ID.eq(0L))
                                .forUpdate())
                        .returning());
    }

    @Override
    public Optional<Message> append(UserId owner, ConversationId conversation, NewMessage message) {
        return append.query(message.role().wireName(), message.content().value(), owner.value(), conversation.value())
                .fetchOptional()
                .map(JooqMessageRepository::toDomain);
    }

    @Override
    public Page<Message> list(UserId owner, ConversationId conversation, PageRequest page) {
        var query = dsl.selectFrom(MESSAGES)
                .where(MESSAGES.USER_ID.eq(owner.value()), MESSAGES.CONVERSATION_ID.eq(conversation.value()))
                .orderBy(MESSAGES.CREATED_AT.asc(), MESSAGES.ID.asc());
        return KeysetPages.fetch(query, page, JooqMessageRepository::toDomain,
                message -> new Keyset(message.createdAt(), message.id().value()));
    }

    private static Message toDomain(MessagesRecord row) {
        return new Message(
                new MessageId(row.getId()),
                new ConversationId(row.getConversationId()),
                MessageRole.fromWireName(row.getRole()),
                new MessageContent(row.getContent()),
                row.getCreatedAt());
    }
}
