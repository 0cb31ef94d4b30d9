package dev.taskline.http.javalin.conversation;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.conversation.NewMessage;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.in.AppendMessageUseCase;
import dev.taskline.domain.port.in.CreateConversationUseCase;
import dev.taskline.domain.port.in.DeleteConversationUseCase;
import dev.taskline.domain.port.in.GetConversationUseCase;
import dev.taskline.domain.port.in.ListConversationsUseCase;
import dev.taskline.domain.port.in.ListMessagesUseCase;
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
import java.util.function.Function;
import java.util.function.Supplier;

/** {@code /api/v1/conversations} and their messages: parse, one use case, map. */
public final class ConversationHandlers {

    public static final String BASE = "/api/v1/conversations";

    private final CreateConversationUseCase create;
    private final GetConversationUseCase get;
    private final ListConversationsUseCase list;
    private final DeleteConversationUseCase delete;
    private final AppendMessageUseCase append;
    private final ListMessagesUseCase listMessages;
    private final JsonBodies bodies;

    public ConversationHandlers(CreateConversationUseCase create, GetConversationUseCase get, ListConversationsUseCase list,
                                DeleteConversationUseCase delete, AppendMessageUseCase append, ListMessagesUseCase listMessages,
                                JsonBodies bodies) {
        this.create = Objects.requireNonNull(create, "create");
        this.get = Objects.requireNonNull(get, "get");
        this.list = Objects.requireNonNull(list, "list");
        this.delete = Objects.requireNonNull(delete, "delete");
        this.append = Objects.requireNonNull(append, "append");
        this.listMessages = Objects.requireNonNull(listMessages, "listMessages");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get(BASE, this::list);
        routes.head(BASE, this::list);
        routes.post(BASE, this::create);
        routes.get(BASE + "/{id}", this::get);
        routes.head(BASE + "/{id}", this::get);
        routes.delete(BASE + "/{id}", this::delete);
        routes.get(BASE + "/{id}/messages", this::listMessages);
        routes.head(BASE + "/{id}/messages", this::listMessages);
        routes.post(BASE + "/{id}/messages", this::append);
    }

    /** The busiest of these routes, messages listed and appended, for {@link DirectRoutes} (HEAD stays above). */
    public void addDirectRoutes(DirectRoutes routes) {
        routes.get(BASE + "/{id}/messages", request -> DirectAnswer.json(HttpStatus.OK.getCode(),
                messages(request.user(), request.pathId(), request::query)));
        routes.post(BASE + "/{id}/messages", request -> DirectAnswer.json(HttpStatus.CREATED.getCode(),
                appended(request.user(), request.pathId(), () -> request.jsonObject(bodies))));
    }

    void list(Context ctx) {
        PageRequest page = PageQuery.of(ctx.queryParam("limit"), ctx.queryParam("cursor"));
        bodies.send(ctx, PageResponse.from(list.list(BearerAuthentication.user(ctx), page), ConversationResponse::from));
    }

    /** The body is {@code {}} or absent; if sent, it must be a JSON object (its fields are ignored). */
    void create(Context ctx) {
        bodies.optionalObject(ctx);
        Conversation conversation = create.create(BearerAuthentication.user(ctx));
        ctx.status(HttpStatus.CREATED).header(Header.LOCATION, BASE + "/" + conversation.id().value());
        bodies.send(ctx, ConversationResponse.from(conversation));
    }

    void get(Context ctx) {
        bodies.send(ctx, ConversationResponse.from(get.get(BearerAuthentication.user(ctx), conversationId(ctx.pathParam("id")))));
    }

    void delete(Context ctx) {
        delete.delete(BearerAuthentication.user(ctx), conversationId(ctx.pathParam("id")));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void listMessages(Context ctx) {
        bodies.send(ctx, messages(BearerAuthentication.user(ctx), ctx.pathParam("id"), ctx::queryParam));
    }

    /** No {@code Location}: the API has no route for a single message. */
    void append(Context ctx) {
        MessageResponse appended = appended(BearerAuthentication.user(ctx), ctx.pathParam("id"), () -> bodies.requireObject(ctx));
        ctx.status(HttpStatus.CREATED);
        bodies.send(ctx, appended);
    }

    // The message routes' work, once for both ways in (ADR 0009); the body is read last.

    private PageResponse<MessageResponse> messages(UserId user, String id, Function<String, String> queryParam) {
        ConversationId conversation = conversationId(id);
        PageRequest page = PageQuery.of(queryParam.apply("limit"), queryParam.apply("cursor"));
        return PageResponse.from(listMessages.listMessages(user, conversation, page), MessageResponse::from);
    }

    private MessageResponse appended(UserId user, String id, Supplier<JsonFields> body) {
        ConversationId conversation = conversationId(id);
        return MessageResponse.from(append.append(user, conversation, newMessage(body.get())));
    }

    private static NewMessage newMessage(JsonFields body) {
        return body.build(() -> NewMessage.of(body.string("role"), body.string("content")));
    }

    private static ConversationId conversationId(String pathSegment) {
        long id = PathIds.parse(pathSegment).orElseThrow(() -> Problems.notFound("conversation not found"));
        return new ConversationId(id);
    }
}
