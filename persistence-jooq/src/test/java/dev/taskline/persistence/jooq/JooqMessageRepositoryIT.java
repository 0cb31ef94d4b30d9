package dev.taskline.persistence.jooq;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The message repository contract on {@link JooqMessageRepository} and a real PostgreSQL. */
class JooqMessageRepositoryIT extends MessageRepositoryContract {

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @Override
    protected PersistencePorts ports() {
        return db.ports();
    }
}
