package dev.taskline.persistence.jooq;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The task repository contract on {@link JooqTaskRepository} and a real PostgreSQL. */
class JooqTaskRepositoryIT extends TaskRepositoryContract {

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @Override
    protected PersistencePorts ports() {
        return db.ports();
    }
}
