package dev.taskline.http.javalin.task;

import dev.taskline.domain.error.Validation;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.task.TaskPatch;
import dev.taskline.domain.port.in.CreateTaskCommand;
import dev.taskline.domain.port.in.CreateTaskUseCase;
import dev.taskline.domain.port.in.DeleteTaskUseCase;
import dev.taskline.domain.port.in.GetTaskUseCase;
import dev.taskline.domain.port.in.ListTasksUseCase;
import dev.taskline.domain.port.in.UpdateTaskUseCase;
import dev.taskline.http.javalin.json.JsonBodies;
import dev.taskline.http.javalin.json.JsonFields;
import dev.taskline.http.javalin.paging.PageQuery;
import dev.taskline.http.javalin.paging.PageResponse;
import dev.taskline.http.javalin.problem.Problems;
import dev.taskline.http.javalin.request.PathIds;
import dev.taskline.http.javalin.security.BearerAuthentication;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.OptionalLong;

/** {@code /api/v1/tasks}: each handler parses, calls one use case and maps the result. */
public final class TaskHandlers {

    public static final String BASE = "/api/v1/tasks";

    private final CreateTaskUseCase create;
    private final GetTaskUseCase get;
    private final ListTasksUseCase list;
    private final UpdateTaskUseCase update;
    private final DeleteTaskUseCase delete;
    private final JsonBodies bodies;

    public TaskHandlers(CreateTaskUseCase create, GetTaskUseCase get, ListTasksUseCase list, UpdateTaskUseCase update,
                        DeleteTaskUseCase delete, JsonBodies bodies) {
        this.create = Objects.requireNonNull(create, "create");
        this.get = Objects.requireNonNull(get, "get");
        this.list = Objects.requireNonNull(list, "list");
        this.update = Objects.requireNonNull(update, "update");
        this.delete = Objects.requireNonNull(delete, "delete");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get(BASE, this::list);
        routes.head(BASE, this::list);
        routes.post(BASE, this::create);
        routes.get(BASE + "/{id}", this::get);
        routes.head(BASE + "/{id}", this::get);
        routes.patch(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
    }

    void list(Context ctx) {
        var validation = new Validation();
        TaskFilter filter = validation.check(() -> TaskFilter.of(ctx.queryParam("status"), ctx.queryParam("completed")));
        PageRequest page = validation.check(() -> PageQuery.of(ctx.queryParam("limit"), ctx.queryParam("cursor")));
        validation.throwIfFailed();
        bodies.send(ctx, PageResponse.from(list.list(BearerAuthentication.user(ctx), filter, page), TaskResponse::from));
    }

    void create(Context ctx) {
        JsonFields body = bodies.requireObject(ctx);
        CreateTaskCommand command = body.build(() -> CreateTaskCommand.of(
                body.string("title"), body.string("description"), body.string("status"), body.string("due_date")));
        Task task = create.create(BearerAuthentication.user(ctx), command);
        ctx.status(HttpStatus.CREATED).header(Header.LOCATION, BASE + "/" + task.id().value());
        respond(ctx, task);
    }

    void get(Context ctx) {
        respond(ctx, get.get(BearerAuthentication.user(ctx), taskId(ctx)));
    }

    void update(Context ctx) {
        TaskId id = taskId(ctx);
        OptionalLong expectedVersion = EntityTags.expectedVersion(ctx.header(Header.IF_MATCH));
        JsonFields body = bodies.requireObject(ctx);
        TaskPatch patch = body.build(() -> TaskPatch.of(
                body.stringChange("title"), body.stringChange("description"), body.stringChange("status"),
                body.booleanChange("completed"), body.stringChange("due_date")));
        respond(ctx, update.update(BearerAuthentication.user(ctx), id, patch, expectedVersion));
    }

    /** {@code If-Match} is not honoured here: the delete use case takes no expected version. */
    void delete(Context ctx) {
        delete.delete(BearerAuthentication.user(ctx), taskId(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void respond(Context ctx, Task task) {
        ctx.header(Header.ETAG, EntityTags.of(task.version()));
        bodies.send(ctx, TaskResponse.from(task));
    }

    private static TaskId taskId(Context ctx) {
        long id = PathIds.parse(ctx.pathParam("id")).orElseThrow(() -> Problems.notFound("task not found"));
        return new TaskId(id);
    }
}
