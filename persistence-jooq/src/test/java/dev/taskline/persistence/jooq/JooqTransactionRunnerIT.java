package dev.taskline.persistence.jooq;

import com.zaxxer.hikari.HikariDataSource;
import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.error.Unavailable;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.out.TransactionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.taskline.persistence.jooq.TestData.aTask;
import static dev.taskline.persistence.jooq.generated.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@link JooqTransactionRunner}: commit when the work returns, roll back when it throws, the exception unchanged. */
class JooqTransactionRunnerIT {

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    private final TransactionRunner transactions = db.ports().transactions();

    @Test
    void workThatReturns_isCommitted_andOthersSeeItOnlyAfterwards() {
        UserId owner = db.newUser();

        transactions.inTransaction(() -> {
            db.ports().tasks().insert(owner, aTask().build());
            db.ports().tasks().insert(owner, aTask().build());
            assertThat(tasksOf(owner)).as("seen from another connection before the commit").isZero();
        });

        assertThat(tasksOf(owner)).isEqualTo(2);
    }

    @Test
    void workThatThrows_isRolledBack_andItsExceptionPropagatesUnchanged() {
        UserId owner = db.newUser();
        IllegalStateException boom = new IllegalStateException("boom");

        Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
            db.ports().tasks().insert(owner, aTask().build());
            throw boom;
        }));

        assertThat(thrown).isSameAs(boom);
        assertThat(tasksOf(owner)).isZero();
    }

    @Test
    void aDomainExceptionThrownByTheWork_rollsBack_andPropagatesUnchanged() {
        UserId owner = db.newUser();
        NotFound notFound = NotFound.task(new TaskId(42));

        Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
            db.ports().tasks().insert(owner, aTask().build());
            throw notFound;
        }));

        assertThat(thrown).isSameAs(notFound);
        assertThat(tasksOf(owner)).isZero();
    }

    @Test
    void aNestedTransactionThatFails_rollsBackOnlyItself() {
        UserId owner = db.newUser();

        transactions.inTransaction(() -> {
            db.ports().tasks().insert(owner, aTask().titled("outer").build());
            Throwable inner = catchThrowable(() -> transactions.inTransaction(() -> {
                db.ports().tasks().insert(owner, aTask().titled("inner").build());
                throw new IllegalStateException("inner failure");
            }));
            assertThat(inner).hasMessage("inner failure");
        });

        assertThat(db.dsl().select(TASKS.TITLE).from(TASKS).where(TASKS.USER_ID.eq(owner.value())).fetch(TASKS.TITLE))
                .containsExactly("outer");
    }

    /**
     * jOOQ's transaction provider, left to itself, asks the pool for a connection to begin, again to
     * roll back and once more to restore auto-commit: three timeouts for one failed request.
     */
    @Test
    void anUnreachableDatabase_costsATransactionOneConnectionTimeout_notThree() {
        Duration connectionTimeout = Duration.ofSeconds(1);
        try (HikariDataSource deadPool = PersistenceFixture.unreachablePool(connectionTimeout)) {
            TransactionRunner unreachable = JooqPersistence.create(deadPool).transactions();
            AtomicBoolean workRan = new AtomicBoolean();

            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> unreachable.inTransaction(() -> workRan.getAndSet(true)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failure).isExactlyInstanceOf(Unavailable.class);
            assertThat(workRan).as("the work ran without a connection").isFalse();
            assertThat(took).as("time to fail")
                    .isGreaterThanOrEqualTo(connectionTimeout.minusMillis(100))
                    .isLessThan(connectionTimeout.multipliedBy(3).dividedBy(2));
        }
    }

    @Test
    void afterCommits_rollbacks_andFailedNestedTransactions_noConnectionStaysBorrowed() {
        UserId owner = db.newUser();
        HikariDataSource pool = (HikariDataSource) db.pool();
        int rounds = PersistenceFixture.POOL_SIZE * 3; // a leak of one connection a round would exhaust the pool

        for (int round = 0; round < rounds; round++) {
            transactions.inTransaction(() -> db.ports().tasks().insert(owner, aTask().build()));
            catchThrowable(() -> transactions.inTransaction(() -> {
                db.ports().tasks().insert(owner, aTask().build());
                throw new IllegalStateException("rolled back");
            }));
            transactions.inTransaction(() -> {
                catchThrowable(() -> transactions.inTransaction(() -> {
                    throw new IllegalStateException("inner failure");
                }));
            });
        }

        assertThat(tasksOf(owner)).isEqualTo(rounds);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections still borrowed").isZero();
    }

    private static int tasksOf(UserId owner) {
        return db.dsl().fetchCount(TASKS, TASKS.USER_ID.eq(owner.value()));
    }
}
