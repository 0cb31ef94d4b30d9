package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.out.ConversationRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import static dev.taskline.persistence.jooq.generated.Tables.CONVERSATIONS;

final class JooqConversationRepository implements ConversationRepository {
    private static final int ID = RowReader.column(CONVERSATIONS, CONVERSATIONS.ID);
    private static final int USER_ID = RowReader.column(CONVERSATIONS, CONVERSATIONS.USER_ID);
    private static final int CREATED_AT = RowReader.column(CONVERSATIONS, CONVERSATIONS.CREATED_AT);
    private static final int UPDATED_AT = RowReader.column(CONVERSATIONS, CONVERSATIONS.UPDATED_AT);

    // Every statement rendered once (see RenderedOnce).
    private final RenderedOnce<Conversation> insert;
    private final RenderedOnce<Conversation> find;
    private final RenderedOnce<Void> delete;
    private final KeysetPages<Conversation> pages;

    JooqConversationRepository(Statements statements) {
        DSLContext dsl = statements.dsl();
        this.insert = rows(statements, dsl.insertInto(CONVERSATIONS).set(CONVERSATIONS.USER_ID, 0L).returning());
        this.find = rows(statements, dsl.selectFrom(CONVERSATIONS).where(ownedBy()));
        this.delete = RenderedOnce.withoutRows(statements, dsl.deleteFrom(CONVERSATIONS).where(ownedBy()));
        // Binds: owner (then KeysetPages' own).
        this.pages = new KeysetPages<>(statements,
                dsl.selectFrom(CONVERSATIONS)
                        .where(CONVERSATIONS.USER_ID.eq(0L))
                        .orderBy(CONVERSATIONS.UPDATED_AT.desc(), CONVERSATIONS.ID.desc()),
                CONVERSATIONS, JooqConversationRepository::read,
                conversation -> new Keyset(conversation.updatedAt(), conversation.id().value()));
    }

    @Override
    public Conversation insert(UserId owner) {
        return insert.fetchSingle(owner.value());
    }

    @Override
    public Optional<Conversation> find(UserId owner, ConversationId id) {
        return find.fetchOptional(owner.value(), id.value());
    }

    @Override
    public Page<Conversation> list(UserId owner, PageRequest page) {
        return pages.fetch(page, owner.value());
    }

    @Override
    public boolean delete(UserId owner, ConversationId id) {
        return delete.execute(owner.value(), id.value()) == 1;
    }

    /** The owner's conversation: binds owner, id. */
    private static Condition ownedBy() {
        return CONVERSATIONS.USER_ID.eq(0L).and(CONVERSATIONS.ID.eq(0L));
    }

    private static RenderedOnce<Conversation> rows(Statements statements, Query template) {
        return RenderedOnce.returningRows(statements, template, CONVERSATIONS, JooqConversationRepository::read);
    }

    private static Conversation read(ResultSet row) throws SQLException {
        return new Conversation(
                new ConversationId(row.getLong(ID)),
                new UserId(row.getLong(USER_ID)),
                RowReader.instant(row, CREATED_AT),
                RowReader.instant(row, UPDATED_AT));
    }
}
