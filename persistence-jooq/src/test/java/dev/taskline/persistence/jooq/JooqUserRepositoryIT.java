package dev.taskline.persistence.jooq;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The user repository contract on {@link JooqUserRepository} and a real PostgreSQL. */
class JooqUserRepositoryIT extends UserRepositoryContract {

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @Override
    protected PersistencePorts ports() {
        return db.ports();
    }
}
