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

/**
 * {@code /api/v1/tasks}: each handler parses, calls one use case and maps the result; the same
 * routes are served by {@link DirectRoutes} too, through the same parsing helpers at the end.
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
        routes.get(BASE, request -> {
            ListQuery query = ListQuery.of(request::query);
            return DirectAnswer.json(HttpStatus.OK.getCode(),
                    PageResponse.from(list.list(request.user(), query.filter(), query.page()), TaskResponse::from));
        });
        routes.post(BASE, request -> {
            Task task = create.create(request.user(), createCommand(request.jsonObject(bodies)));
            return answer(HttpStatus.CREATED, task).header(Header.LOCATION, BASE + "/" + task.id().value());
        });
        routes.get(BASE + "/{id}", request -> answer(HttpStatus.OK, get.get(request.user(), taskId(request.pathId()))));
        routes.patch(BASE + "/{id}", request -> {
            TaskId id = taskId(request.pathId());
            OptionalLong expectedVersion = EntityTags.expectedVersion(request.header(Header.IF_MATCH));
            TaskPatch patch = patch(request.jsonObject(bodies));
            return answer(HttpStatus.OK, update.update(request.user(), id, patch, expectedVersion));
        });
        routes.delete(BASE + "/{id}", request -> {
            delete.delete(request.user(), taskId(request.pathId()));
            return DirectAnswer.noContent();
        });
    }

    void list(Context ctx) {
        ListQuery query = ListQuery.of(ctx::queryParam);
        bodies.send(ctx, PageResponse.from(list.list(BearerAuthentication.user(ctx), query.filter(), query.page()), TaskResponse::from));
    }

    void create(Context ctx) {
        Task task = create.create(BearerAuthentication.user(ctx), createCommand(bodies.requireObject(ctx)));
        ctx.status(HttpStatus.CREATED).header(Header.LOCATION, BASE + "/" + task.id().value());
        respond(ctx, task);
    }

    void get(Context ctx) {
        respond(ctx, get.get(BearerAuthentication.user(ctx), taskId(ctx.pathParam("id"))));
    }

    void update(Context ctx) {
        TaskId id = taskId(ctx.pathParam("id"));
        OptionalLong expectedVersion = EntityTags.expectedVersion(ctx.header(Header.IF_MATCH));
        TaskPatch patch = patch(bodies.requireObject(ctx));
        respond(ctx, update.update(BearerAuthentication.user(ctx), id, patch, expectedVersion));
    }

    /** {@code If-Match} is not honoured here: the delete use case takes no expected version. */
    void delete(Context ctx) {
        delete.delete(BearerAuthentication.user(ctx), taskId(ctx.pathParam("id")));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void respond(Context ctx, Task task) {
        ctx.header(Header.ETAG, EntityTags.of(task.version()));
        bodies.send(ctx, TaskResponse.from(task));
    }

    private static DirectAnswer answer(HttpStatus status, Task task) {
        return DirectAnswer.json(status.getCode(), TaskResponse.from(task)).header(Header.ETAG, EntityTags.of(task.version()));
    }

    // The request's parts, read the same way here and in TaskDirectRoutes.

    /** A list's query: the filter and the page, every invalid parameter reported at once. */
    record ListQuery(TaskFilter filter, PageRequest page) {
        static ListQuery of(Function<String, String> queryParam) {
            var validation = new Validation();
            TaskFilter filter = validation.check(() -> TaskFilter.of(queryParam.apply("status"), queryParam.apply("completed")));
            PageRequest page = validation.check(() -> PageQuery.of(queryParam.apply("limit"), queryParam.apply("cursor")));
            validation.throwIfFailed();
            return new ListQuery(filter, page);
        }
    }

    static CreateTaskCommand createCommand(JsonFields body) {
        return body.build(() -> CreateTaskCommand.of(
                body.string("title"), body.string("description"), body.string("status"), body.string("due_date")));
    }

    static TaskPatch patch(JsonFields body) {
        return body.build(() -> TaskPatch.of(
                body.stringChange("title"), body.stringChange("description"), body.stringChange("status"),
                body.booleanChange("completed"), body.stringChange("due_date")));
    }

    static TaskId taskId(String pathSegment) {
        long id = PathIds.parse(pathSegment).orElseThrow(() -> Problems.notFound("task not found"));
        return new TaskId(id);
    }
}
