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
import org.jooq.DSLContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import static dev.taskline.persistence.jooq.generated.Tables.CONVERSATIONS;
import static dev.taskline.persistence.jooq.generated.Tables.MESSAGES;
import static org.jooq.impl.DSL.val;

final class JooqMessageRepository implements MessageRepository {
    private static final int ID = RowReader.column(MESSAGES, MESSAGES.ID);
    private static final int CONVERSATION_ID = RowReader.column(MESSAGES, MESSAGES.CONVERSATION_ID);
    private static final int ROLE = RowReader.column(MESSAGES, MESSAGES.ROLE);
    private static final int CONTENT = RowReader.column(MESSAGES, MESSAGES.CONTENT);
    private static final int CREATED_AT = RowReader.column(MESSAGES, MESSAGES.CREATED_AT);

    private final RenderedOnce<Message> append;
    private final KeysetPages<Message> pages;

    JooqMessageRepository(Statements statements) {
        DSLContext dsl = statements.dsl();
        // INSERT … SELECT from the owner's conversation: no row when it is not theirs, so nothing
        // is written and no foreign-key error is needed. FOR UPDATE serialises appends to one
        // conversation, so created_at (clock_timestamp()) follows commit order and a reader paging
        // oldest-first never passes a message that commits later with an earlier time.
        // A trigger moves the conversation's updated_at. Rendered once (see RenderedOnce); binds:
        // role, content, owner, conversation.
        this.append = RenderedOnce.returningRows(statements,
                dsl.insertInto(MESSAGES, MESSAGES.CONVERSATION_ID, MESSAGES.USER_ID, MESSAGES.ROLE, MESSAGES.CONTENT)
                        .select(dsl.select(CONVERSATIONS.ID, CONVERSATIONS.USER_ID, val("", MESSAGES.ROLE), val("", MESSAGES.CONTENT))
                                .from(CONVERSATIONS)
                                .where(CONVERSATIONS.USER_ID.eq(0L), CONVERSATIONS.ID.eq(0L))
                                .forUpdate())
                        .returning(),
                MESSAGES, JooqMessageRepository::read);
        // Binds: owner, conversation (then KeysetPages' own).
        this.pages = new KeysetPages<>(statements,
                dsl.selectFrom(MESSAGES)
                        .where(MESSAGES.USER_ID.eq(0L), MESSAGES.CONVERSATION_ID.eq(0L))
                        .orderBy(MESSAGES.CREATED_AT.asc(), MESSAGES.ID.asc()),
                MESSAGES, JooqMessageRepository::read, message -> new Keyset(message.createdAt(), message.id().value()));
    }

    @Override
    public Optional<Message> append(UserId owner, ConversationId conversation, NewMessage message) {
        return append.fetchOptional(message.role().wireName(), message.content().value(), owner.value(), conversation.value());
    }

    @Override
    public Page<Message> list(UserId owner, ConversationId conversation, PageRequest page) {
        return pages.fetch(page, owner.value(), conversation.value());
    }

    private static Message read(ResultSet row) throws SQLException {
        return new Message(
                new MessageId(row.getLong(ID)),
                new ConversationId(row.getLong(CONVERSATION_ID)),
                MessageRole.fromWireName(row.getString(ROLE)),
                new MessageContent(row.getString(CONTENT)),
                RowReader.instant(row, CREATED_AT));
    }
}
