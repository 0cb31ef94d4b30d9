package dev.taskline.persistence.jooq;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The conversation repository contract on {@link JooqConversationRepository} and a real PostgreSQL. */
class JooqConversationRepositoryIT extends ConversationRepositoryContract {

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @Override
    protected PersistencePorts ports() {
        return db.ports();
    }
}
