package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.out.ConversationRepository;
import dev.taskline.persistence.jooq.generated.tables.records.ConversationsRecord;
import org.jooq.DSLContext;

import java.util.Optional;

import static dev.taskline.persistence.jooq.generated.Tables.CONVERSATIONS;

final class JooqConversationRepository implements ConversationRepository {
    private final DSLContext dsl;

    JooqConversationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Conversation insert(UserId owner) {
        return toDomain(dsl.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.USER_ID, owner.value())
                .returning()
                .fetchSingle());
    }

    @Override
    public Optional<Conversation> find(UserId owner, ConversationId id) {
        return dsl.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.USER_ID.eq(owner.value()), CONVERSATIONS.ID.eq(id.value()))
                .fetchOptional()
                .map(JooqConversationRepository::toDomain);
    }

    @Override
    public Page<Conversation> list(UserId owner, PageRequest page) {
        var query = dsl.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.USER_ID.eq(owner.value()))
                .orderBy(CONVERSATIONS.UPDATED_AT.desc(), CONVERSATIONS.ID.desc());
        return KeysetPages.fetch(query, page, JooqConversationRepository::toDomain,
                conversation -> new Keyset(conversation.updatedAt(), conversation.id().value()));
    }

    @Override
    public boolean delete(UserId owner, ConversationId id) {
        return dsl.deleteFrom(CONVERSATIONS)
                .where(CONVERSATIONS.USER_ID.eq(owner.value()), CONVERSATIONS.ID.eq(id.value()))
                .execute() == 1;
    }

    private static Conversation toDomain(ConversationsRecord row) {
        return new Conversation(
                new ConversationId(row.getId()),
                new UserId(row.getUserId()),
                row.getCreatedAt(),
                row.getUpdatedAt());
    }
}
