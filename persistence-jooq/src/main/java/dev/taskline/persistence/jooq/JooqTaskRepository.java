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
import dev.taskline.persistence.jooq.generated.tables.records.TasksRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.taskline.persistence.jooq.generated.Tables.TASKS;

final class JooqTaskRepository implements TaskRepository {
    private static final String COMPLETED = TaskStatus.COMPLETED.wireName();

    private final DSLContext dsl;
    // The statements of the most frequent requests, rendered once (see RenderedOnce).
    private final RenderedOnce<TasksRecord> insert;
    private final RenderedOnce<TasksRecord> find;
    private final RenderedOnce<TasksRecord> delete;
    private final RenderedOnce<TasksRecord> applyPatch;

    JooqTaskRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.insert = new RenderedOnce<>(dsl, TASKS, dsl.insertInto(TASKS)
                .set(TASKS.USER_ID, 0L)
                .set(TASKS.TITLE, "")
                .set(TASKS.DESCRIPTION, "")
                .set(TASKS.STATUS, "")
                .set(TASKS.DUE_DATE, LocalDate.EPOCH)
                .returning());
        this.find = new RenderedOnce<>(dsl, TASKS, dsl.selectFrom(TASKS).where(ownedBy(new UserId(1), new TaskId(1))));
        this.delete = new RenderedOnce<>(dsl, TASKS, dsl.deleteFrom(TASKS).where(ownedBy(new UserId(1), new TaskId(1))));
        this.applyPatch = new RenderedOnce<>(dsl, TASKS, patchShape(dsl));
    }

    @Override
    public Task insert(UserId owner, TaskDetails details) {
        return toDomain(insert.query(
                owner.value(),
                details.title().value(),
                details.description().map(TaskDescription::value).orElse(null),
                details.status().wireName(),
                details.dueDate().orElse(null)).fetchSingle());
    }

    @Override
    public Optional<Task> find(UserId owner, TaskId id) {
        return find.query(owner.value(), id.value())
                .fetchOptional()
                .map(JooqTaskRepository::toDomain);
    }

    @Override
    public Optional<Task> findForUpdate(UserId owner, TaskId id) {
        return dsl.selectFrom(TASKS)
                .where(ownedBy(owner, id))
                .forUpdate()
                .fetchOptional()
                .map(JooqTaskRepository::toDomain);
    }

    @Override
    public Page<Task> list(UserId owner, TaskFilter filter, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(TASKS.USER_ID.eq(owner.value()));
        filter.status().ifPresent(status -> conditions.add(TASKS.STATUS.eq(status.wireName())));
        filter.completed().ifPresent(completed ->
                conditions.add(completed ? TASKS.STATUS.eq(COMPLETED) : TASKS.STATUS.ne(COMPLETED)));

        var query = dsl.selectFrom(TASKS)
                .where(conditions)
                .orderBy(TASKS.CREATED_AT.desc(), TASKS.ID.desc());
        return KeysetPages.fetch(query, page, JooqTaskRepository::toDomain,
                task -> new Keyset(task.createdAt(), task.id().value()));
    }

    @Override
    public Optional<Task> update(UserId owner, TaskId id, TaskDetails details) {
        // version and updated_at are moved by the database's triggers.
        return dsl.update(TASKS)
                .set(TASKS.TITLE, details.title().value())
                .set(TASKS.DESCRIPTION, details.description().map(TaskDescription::value).orElse(null))
                .set(TASKS.STATUS, details.status().wireName())
                .set(TASKS.DUE_DATE, details.dueDate().orElse(null))
                .where(ownedBy(owner, id))
                .returning()
                .fetchOptional()
                .map(JooqTaskRepository::toDomain);
    }

    @Override
    public Optional<Task> applyIfChanged(UserId owner, TaskId id, TaskPatch patch, OptionalLong expectedVersion) {
        Param<String> title = DSL.val(patch.title().map(TaskTitle::value).orElse(null), TASKS.TITLE);
        Param<Boolean> changeDescription = flag(!patch.description().isKeep());
        Param<String> description = DSL.val(patch.description().applyTo(Optional.empty()).map(TaskDescription::value).orElse(null),
                TASKS.DESCRIPTION);
        Param<String> status = DSL.val(patch.effectiveStatus().map(TaskStatus::wireName).orElse(null), TASKS.STATUS);
        Param<Boolean> changeDueDate = flag(!patch.dueDate().isKeep());
        Param<LocalDate> dueDate = DSL.val(patch.dueDate().applyTo(Optional.empty()).orElse(null), TASKS.DUE_DATE);
        Param<Long> version = DSL.val(expectedVersion.isPresent() ? expectedVersion.getAsLong() : null, TASKS.VERSION);
        // In the order of patchShape's bind markers: SET, owner and id, version twice, the new values again.
        return applyPatch.query(title, changeDescription, description, status, changeDueDate, dueDate,
                        owner.value(), id.value(), version, version,
                        title, changeDescription, description, status, changeDueDate, dueDate)
                .fetchOptional()
                .map(JooqTaskRepository::toDomain);
    }

    /**
     * The one shape of every patch, so that it renders once: a title or status given as NULL is
     * kept (neither can be cleared); description and due date come with a flag saying whether to
     * change them, and then take the value given (NULL clears). The row is written only when the
     * owner's task is at the expected version (NULL: any) and some field differs.
     */
    private static Query patchShape(DSLContext dsl) {
        Field<String> title = DSL.coalesce(DSL.val("", TASKS.TITLE), TASKS.TITLE);
        Field<String> description = DSL.when(DSL.condition(flag(false)), DSL.val("", TASKS.DESCRIPTION)).otherwise(TASKS.DESCRIPTION);
        Field<String> status = DSL.coalesce(DSL.val("", TASKS.STATUS), TASKS.STATUS);
        Field<LocalDate> dueDate = DSL.when(DSL.condition(flag(false)), DSL.val(LocalDate.EPOCH, TASKS.DUE_DATE)).otherwise(TASKS.DUE_DATE);
        return dsl.update(TASKS)
                .set(TASKS.TITLE, title)
                .set(TASKS.DESCRIPTION, description)
                .set(TASKS.STATUS, status)
                .set(TASKS.DUE_DATE, dueDate)
                .where(ownedBy(new UserId(1), new TaskId(1)))
                .and(DSL.val(0L, TASKS.VERSION).isNull().or(TASKS.VERSION.eq(DSL.val(0L, TASKS.VERSION))))
                .and(DSL.row(TASKS.TITLE, TASKS.DESCRIPTION, TASKS.STATUS, TASKS.DUE_DATE)
                        .isDistinctFrom(DSL.row(title, description, status, dueDate)))
                .returning();
    }

    private static Param<Boolean> flag(boolean value) {
        return DSL.val(value, SQLDataType.BOOLEAN);
    }

    @Override
    public boolean delete(UserId owner, TaskId id) {
        return delete.execute(owner.value(), id.value()) == 1;
    }

    private static Condition ownedBy(UserId owner, TaskId id) {
        return TASKS.USER_ID.eq(owner.value()).and(TASKS.ID.eq(id.value()));
    }

    private static Task toDomain(TasksRecord row) {
        var details = new TaskDetails(
                TaskTitle.of(row.getTitle()),
                Optional.ofNullable(row.getDescription()).map(TaskDescription::new),
                TaskStatus.fromWireName(row.getStatus()),
                Optional.ofNullable(row.getDueDate()));
        return new Task(
                new TaskId(row.getId()),
                new UserId(row.getUserId()),
                details,
                row.getVersion(),
                row.getCreatedAt(),
                row.getUpdatedAt());
    }
}
