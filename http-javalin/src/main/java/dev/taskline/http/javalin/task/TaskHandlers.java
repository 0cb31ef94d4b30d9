package dev.taskline.http.javalin.task;

import dev.taskline.domain.error.Validation;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.task.TaskPatch;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.in.CreateTaskCommand;
import dev.taskline.domain.port.in.CreateTaskUseCase;
import dev.taskline.domain.port.in.DeleteTaskUseCase;
import dev.taskline.domain.port.in.GetTaskUseCase;
import dev.taskline.domain.port.in.ListTasksUseCase;
import dev.taskline.domain.port.in.UpdateTaskUseCase;
import dev.taskline.http.javalin.direct.DirectAnswer;
import dev.taskline.http.javalin.direct.DirectRoutes;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /api/v1/tasks}: each handler parses, calls one use case and maps the result. The same
 * routes are served by {@link DirectRoutes} too (ADR 0009); what a route does is written once
 * below, and the two ways in only hand it the request's parts and write its answer.
 */
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

    /** The same routes (but HEAD) for {@link DirectRoutes}, which hands anything unusual back to those above. */
    public void addDirectRoutes(DirectRoutes routes) {
        routes.get(BASE, request -> DirectAnswer.json(HttpStatus.OK.getCode(), listed(request.user(), request::query)));
        routes.post(BASE, request -> {
            Task task = created(request.user(), () -> request.jsonObject(bodies));
            return answer(HttpStatus.CREATED, task).header(Header.LOCATION, location(task));
        });
        routes.get(BASE + "/{id}", request -> answer(HttpStatus.OK, found(request.user(), request.pathId())));
        routes.patch(BASE + "/{id}", request -> answer(HttpStatus.OK,
                updated(request.user(), request.pathId(), request.header(Header.IF_MATCH), () -> request.jsonObject(bodies))));
        routes.delete(BASE + "/{id}", request -> {
            deleted(request.user(), request.pathId());
            return DirectAnswer.noContent();
        });
    }

    void list(Context ctx) {
        bodies.send(ctx, listed(BearerAuthentication.user(ctx), ctx::queryParam));
    }

    void create(Context ctx) {
        Task task = created(BearerAuthentication.user(ctx), () -> bodies.requireObject(ctx));
        ctx.status(HttpStatus.CREATED).header(Header.LOCATION, location(task));
        respond(ctx, task);
    }

    void get(Context ctx) {
        respond(ctx, found(BearerAuthentication.user(ctx), ctx.pathParam("id")));
    }

    void update(Context ctx) {
        respond(ctx, updated(BearerAuthentication.user(ctx), ctx.pathParam("id"), ctx.header(Header.IF_MATCH),
                () -> bodies.requireObject(ctx)));
    }

    void delete(Context ctx) {
        deleted(BearerAuthentication.user(ctx), ctx.pathParam("id"));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void respond(Context ctx, Task task) {
        ctx.header(Header.ETAG, EntityTags.of(task.version()));
        bodies.send(ctx, TaskResponse.from(task));
    }

    private static DirectAnswer answer(HttpStatus status, Task task) {
        return DirectAnswer.json(status.getCode(), TaskResponse.from(task)).header(Header.ETAG, EntityTags.of(task.version()));
    }

    // What each route does, once for both ways in: from the request's parts to the use case's
    // answer. Each reads the body last, after everything that can refuse the request without it.

    private PageResponse<TaskResponse> listed(UserId user, Function<String, String> queryParam) {
        var validation = new Validation();
        TaskFilter filter = validation.check(() -> TaskFilter.of(queryParam.apply("status"), queryParam.apply("completed")));
        PageRequest page = validation.check(() -> PageQuery.of(queryParam.apply("limit"), queryParam.apply("cursor")));
        validation.throwIfFailed();
        return PageResponse.from(list.list(user, filter, page), TaskResponse::from);
    }

    private Task created(UserId user, Supplier<JsonFields> body) {
        return create.create(user, createCommand(body.get()));
    }

    private Task found(UserId user, String id) {
        return get.get(user, taskId(id));
    }

    private Task updated(UserId user, String id, String ifMatch, Supplier<JsonFields> body) {
        TaskId task = taskId(id);
        OptionalLong expectedVersion = EntityTags.expectedVersion(ifMatch);
        return update.update(user, task, patch(body.get()), expectedVersion);
    }

    /** {@code If-Match} is not honoured here: the delete use case takes no expected version. */
    private void deleted(UserId user, String id) {
        delete.delete(user, taskId(id));
    }

    private static String location(Task task) {
        return BASE + "/" + task.id().value();
    }

    private static CreateTaskCommand createCommand(JsonFields body) {
        return body.build(() -> CreateTaskCommand.of(
                body.string("title"), body.string("description"), body.string("status"), body.string("due_date")));
    }

    private static TaskPatch patch(JsonFields body) {
        return body.build(() -> TaskPatch.of(
                body.stringChange("title"), body.stringChange("description"), body.stringChange("status"),
                body.booleanChange("completed"), body.stringChange("due_date")));
    }

    private static TaskId taskId(String pathSegment) {
        long id = PathIds.parse(pathSegment).orElseThrow(() -> Problems.notFound("task not found"));
        return new TaskId(id);
    }
}
