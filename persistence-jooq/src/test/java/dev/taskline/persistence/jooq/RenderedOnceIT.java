package dev.taskline.persistence.jooq;

import dev.taskline.domain.error.Unauthenticated;
import dev.taskline.domain.model.user.UserId;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.taskline.persistence.jooq.generated.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks that stand in for the compiler where a statement runs from its rendered SQL: bind
 * values of the wrong number or type are refused before anything runs, rows that are not the
 * table's columns are refused, a NULL takes the marker's type, and failures are translated as
 * jOOQ's own execution translates them.
 */
class RenderedOnceIT {
    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    private static Statements statements;
    private static DSLContext dsl;

    @BeforeAll
    static void statements() {
        dsl = DSL.using(SQLDialect.POSTGRES);
        statements = new Statements(dsl, new ReservableConnectionProvider(db.pool(), LentConnectionWatchdog.off()), false);
    }

    private static RenderedOnce<Long> idsOfTasksTitled() {
        return RenderedOnce.returningRows(statements,
                dsl.selectFrom(TASKS).where(TASKS.USER_ID.eq(0L), TASKS.TITLE.eq("")), TASKS, row -> row.getLong(1));
    }

    @Test
    void aWrongNumberOfBindValues_isRefused_beforeAnythingRuns() {
        var statement = RenderedOnce.withoutRows(statements, dsl.deleteFrom(TASKS).where(TASKS.USER_ID.eq(0L), TASKS.ID.eq(0L)));
        UserId owner = db.newUser();
        long task = db.ports().tasks().insert(owner, TestData.aTask().build()).id().value();

        assertThatThrownBy(() -> statement.execute(owner.value()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 bind values for 2 markers");
        assertThat(db.rowsOwnedBy(owner)).containsEntry("tasks", 1);
        assertThat(statement.execute(owner.value(), task)).isEqualTo(1);
    }

    @Test
    void aBindValueOfAnotherType_thanTheTemplatesValueThere_isRefused() {
        assertThatThrownBy(() -> idsOfTasksTitled().fetch("a title", 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bind value 1 is a String")
                .hasMessageContaining("expects a Long");
    }

    @Test
    void rowsThatAreNotTheTablesColumns_areRefused() {
        var onlyIds = RenderedOnce.returningRows(statements, dsl.select(TASKS.ID).from(TASKS).where(TASKS.USER_ID.eq(0L)),
                TASKS, row -> row.getLong(1));

        assertThatThrownBy(() -> onlyIds.fetch(db.newUser().value()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("have the columns [id]");
    }

    @Test
    void aNullTakesTheTypeOfItsMarker_soThat_isNullWorks() {
        UserId owner = db.newUser();
        db.ports().tasks().insert(owner, TestData.aTask().titled("no date").build());
        var byDueDate = RenderedOnce.returningRows(statements, dsl.selectFrom(TASKS)
                        .where(TASKS.USER_ID.eq(0L))
                        .and(DSL.val(LocalDate.EPOCH, TASKS.DUE_DATE).isNull().or(TASKS.DUE_DATE.eq(DSL.val(LocalDate.EPOCH, TASKS.DUE_DATE)))),
                TASKS, row -> row.getString(RowReader.column(TASKS, TASKS.TITLE)));

        assertThat(byDueDate.fetch(owner.value(), null, null)).containsExactly("no date");
        assertThat(byDueDate.fetch(owner.value(), LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 1))).isEmpty();
    }

    @Test
    void rowsAreReadFromTheTablesColumns_timestampsIncluded() {
        UserId owner = db.newUser();
        Instant before = Instant.now().minusSeconds(60);
        db.ports().tasks().insert(owner, TestData.aTask().titled("read me").build());
        var createdAt = RenderedOnce.returningRows(statements, dsl.selectFrom(TASKS).where(TASKS.USER_ID.eq(0L)),
                TASKS, row -> RowReader.instant(row, RowReader.column(TASKS, TASKS.CREATED_AT)));

        List<Instant> read = createdAt.fetch(owner.value());

        assertThat(read).singleElement().satisfies(at -> assertThat(at).isBetween(before, Instant.now().plusSeconds(60)));
        assertThat(idsOfTasksTitled().fetchOptional(owner.value(), "read me")).isPresent();
        assertThat(idsOfTasksTitled().fetchOptional(owner.value(), "not there")).isEmpty();
    }

    @Test
    void aFailure_isTranslatedAsByJooq_aRowForADeletedOwnerIsUnauthenticated() {
        var insert = RenderedOnce.returningRows(statements, dsl.insertInto(TASKS)
                .set(TASKS.USER_ID, 0L).set(TASKS.TITLE, "").returning(), TASKS, row -> row.getLong(1));

        assertThatThrownBy(() -> insert.fetchSingle(Long.MAX_VALUE, "orphan"))
                .isInstanceOf(Unauthenticated.class);
    }
}
