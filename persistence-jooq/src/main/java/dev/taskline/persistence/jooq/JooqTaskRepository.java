package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskDescription;
import dev.taskline.domain.model.task.TaskDetails;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.task.TaskPatch;
import dev.taskline.domain.model.task.TaskStatus;
import dev.taskline.domain.model.task.TaskTitle;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.out.TaskRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.taskline.persistence.jooq.generated.Tables.TASKS;

final class JooqTaskRepository implements TaskRepository {
    private static final String COMPLETED = TaskStatus.COMPLETED.wireName();

    private static final int ID = RowReader.column(TASKS, TASKS.ID);
    private static final int USER_ID = RowReader.column(TASKS, TASKS.USER_ID);
    private static final int TITLE = RowReader.column(TASKS, TASKS.TITLE);
    private static final int DESCRIPTION = RowReader.column(TASKS, TASKS.DESCRIPTION);
    private static final int STATUS = RowReader.column(TASKS, TASKS.STATUS);
    private static final int DUE_DATE = RowReader.column(TASKS, TASKS.DUE_DATE);
    private static final int VERSION = RowReader.column(TASKS, TASKS.VERSION);
    private static final int CREATED_AT = RowReader.column(TASKS, TASKS.CREATED_AT);
    private static final int UPDATED_AT = RowReader.column(TASKS, TASKS.UPDATED_AT);

    // Every statement rendered once (see RenderedOnce); the comment over each call gives its binds.
    private final RenderedOnce<Task> insert;
    private final RenderedOnce<Task> find;
    private final RenderedOnce<Task> findForUpdate;
    private final RenderedOnce<Task> update;
    private final RenderedOnce<Task> applyPatch;
    private final RenderedOnce<Void> delete;
    private final Map<ListShape, KeysetPages<Task>> lists;

    JooqTaskRepository(Statements statements) {
        DSLContext dsl = statements.dsl();
        this.insert = rows(statements, dsl.insertInto(TASKS)
                .set(TASKS.USER_ID, 0L)
                .set(TASKS.TITLE, "")
                .set(TASKS.DESCRIPTION, "")
                .set(TASKS.STATUS, "")
                .set(TASKS.DUE_DATE, LocalDate.EPOCH)
                .returning());
        this.find = rows(statements, dsl.selectFrom(TASKS).where(ownedBy()));
        this.findForUpdate = rows(statements, dsl.selectFrom(TASKS).where(ownedBy()).forUpdate());
        // version and updated_at are moved by the database's triggers.
        this.update = rows(statements, dsl.update(TASKS)
                .set(TASKS.TITLE, "")
                .set(TASKS.DESCRIPTION, "")
                .set(TASKS.STATUS, "")
                .set(TASKS.DUE_DATE, LocalDate.EPOCH)
                .where(ownedBy())
                .returning());
        this.applyPatch = rows(statements, patchShape(dsl));
        this.delete = RenderedOnce.withoutRows(statements, dsl.deleteFrom(TASKS).where(ownedBy()));
        Map<ListShape, KeysetPages<Task>> lists = new HashMap<>();
        for (ListShape shape : ListShape.ALL) {
            var ordered = dsl.selectFrom(TASKS)
                    .where(shape.conditions())
                    .orderBy(TASKS.CREATED_AT.desc(), TASKS.ID.desc());
            lists.put(shape, new KeysetPages<>(statements, ordered, TASKS, JooqTaskRepository::read,
                    task -> new Keyset(task.createdAt(), task.id().value())));
        }
        this.lists = Map.copyOf(lists);
    }

    @Override
    public Task insert(UserId owner, TaskDetails details) {
        // owner, title, description, status, due date
        return insert.fetchSingle(owner.value(), details.title().value(),
                details.description().map(TaskDescription::value).orElse(null),
                details.status().wireName(), details.dueDate().orElse(null));
    }

    @Override
    public Optional<Task> find(UserId owner, TaskId id) {
        return find.fetchOptional(owner.value(), id.value());
    }

    @Override
    public Optional<Task> findForUpdate(UserId owner, TaskId id) {
        return findForUpdate.fetchOptional(owner.value(), id.value());
    }

    @Override
    public Page<Task> list(UserId owner, TaskFilter filter, PageRequest page) {
        var shape = new ListShape(filter.status().isPresent(), filter.completed());
        // owner, then the status filter's value and the completed filter's, where present
        List<Object> values = new ArrayList<>(3);
        values.add(owner.value());
        filter.status().ifPresent(status -> values.add(status.wireName()));
        filter.completed().ifPresent(completed -> values.add(COMPLETED));
        return lists.get(shape).fetch(page, values.toArray());
    }

    @Override
    public Optional<Task> update(UserId owner, TaskId id, TaskDetails details) {
        // title, description, status, due date, owner, id
        return update.fetchOptional(details.title().value(),
                details.description().map(TaskDescription::value).orElse(null),
                details.status().wireName(), details.dueDate().orElse(null),
                owner.value(), id.value());
    }

    @Override
    public Optional<Task> applyIfChanged(UserId owner, TaskId id, TaskPatch patch, OptionalLong expectedVersion) {
        String title = patch.title().map(TaskTitle::value).orElse(null);
        Boolean changeDescription = !patch.description().isKeep();
        String description = patch.description().applyTo(Optional.empty()).map(TaskDescription::value).orElse(null);
        String status = patch.effectiveStatus().map(TaskStatus::wireName).orElse(null);
        Boolean changeDueDate = !patch.dueDate().isKeep();
        LocalDate dueDate = patch.dueDate().applyTo(Optional.empty()).orElse(null);
        Long version = expectedVersion.isPresent() ? expectedVersion.getAsLong() : null;
        // In the order of patchShape's bind markers: SET, owner and id, version twice, the new values again.
        return applyPatch.fetchOptional(title, changeDescription, description, status, changeDueDate, dueDate,
                owner.value(), id.value(), version, version,
                title, changeDescription, description, status, changeDueDate, dueDate);
    }

    /**
     * The one shape of every patch, so that it renders once: a title or status given as NULL is
     * kept (neither can be cleared); description and due date come with a flag saying whether to
     * change them, and then take the value given (NULL clears). The row is written only when the
     * owner's task is at the expected version (NULL: any) and some field differs.
     */
    private static Query patchShape(DSLContext dsl) {
        Field<String> title = DSL.coalesce(DSL.val("", TASKS.TITLE), TASKS.TITLE);
        Field<String> description = DSL.when(DSL.condition(flag()), DSL.val("", TASKS.DESCRIPTION)).otherwise(TASKS.DESCRIPTION);
        Field<String> status = DSL.coalesce(DSL.val("", TASKS.STATUS), TASKS.STATUS);
        Field<LocalDate> dueDate = DSL.when(DSL.condition(flag()), DSL.val(LocalDate.EPOCH, TASKS.DUE_DATE)).otherwise(TASKS.DUE_DATE);
        return dsl.update(TASKS)
                .set(TASKS.TITLE, title)
                .set(TASKS.DESCRIPTION, description)
                .set(TASKS.STATUS, status)
                .set(TASKS.DUE_DATE, dueDate)
                .where(ownedBy())
                .and(DSL.val(0L, TASKS.VERSION).isNull().or(TASKS.VERSION.eq(DSL.val(0L, TASKS.VERSION))))
                .and(DSL.row(TASKS.TITLE, TASKS.DESCRIPTION, TASKS.STATUS, TASKS.DUE_DATE)
                        .isDistinctFrom(DSL.row(title, description, status, dueDate)))
                .returning();
    }

    private static Param<Boolean> flag() {
        return DSL.val(false, SQLDataType.BOOLEAN);
    }

    @Override
    public boolean delete(UserId owner, TaskId id) {
        return delete.execute(owner.value(), id.value()) == 1;
    }

    /** The owner's task: binds owner, id. */
    private static Condition ownedBy() {
        return TASKS.USER_ID.eq(0L).and(TASKS.ID.eq(0L));
    }

    private static RenderedOnce<Task> rows(Statements statements, Query template) {
        return RenderedOnce.returningRows(statements, template, TASKS, JooqTaskRepository::read);
    }

    /**
     * A list's conditions: the owner always; the status filter's {@code status = ?} when given;
     * the completed filter's {@code status = 'completed'} or {@code status <> 'completed'} when
     * given (each on an index of its own, see V2__create_tasks.sql).
     */
    private record ListShape(boolean byStatus, Optional<Boolean> completed) {
        static final List<ListShape> ALL = List.of(
                new ListShape(false, Optional.empty()), new ListShape(true, Optional.empty()),
                new ListShape(false, Optional.of(true)), new ListShape(true, Optional.of(true)),
                new ListShape(false, Optional.of(false)), new ListShape(true, Optional.of(false)));

        List<Condition> conditions() {
            List<Condition> conditions = new ArrayList<>();
            conditions.add(TASKS.USER_ID.eq(0L));
            if (byStatus) {
                conditions.add(TASKS.STATUS.eq(""));
            }
            completed.ifPresent(done -> conditions.add(done ? TASKS.STATUS.eq(COMPLETED) : TASKS.STATUS.ne(COMPLETED)));
            return conditions;
        }
    }

    private static Task read(ResultSet row) throws SQLException {
        var details = new TaskDetails(
                TaskTitle.of(row.getString(TITLE)),
                Optional.ofNullable(row.getString(DESCRIPTION)).map(TaskDescription::new),
                TaskStatus.fromWireName(row.getString(STATUS)),
                Optional.ofNullable(row.getObject(DUE_DATE, LocalDate.class)));
        return new Task(
                new TaskId(row.getLong(ID)),
                new UserId(row.getLong(USER_ID)),
                details,
                row.getLong(VERSION),
                RowReader.instant(row, CREATED_AT),
                RowReader.instant(row, UPDATED_AT));
    }
}
