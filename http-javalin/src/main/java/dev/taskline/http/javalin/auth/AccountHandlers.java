package dev.taskline.http.javalin.auth;

import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.in.DeleteAccountUseCase;
import dev.taskline.domain.port.in.GetAccountUseCase;
import dev.taskline.domain.port.in.UpdateAccountCommand;
import dev.taskline.domain.port.in.UpdateAccountUseCase;
import dev.taskline.http.javalin.json.JsonBodies;
import dev.taskline.http.javalin.json.JsonFields;
import dev.taskline.http.javalin.security.BearerAuthentication;
import dev.taskline.http.javalin.security.KnownAccounts;
import dev.taskline.http.javalin.security.PasswordWorkLimiter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/** {@code /api/v1/me}: the authenticated user's own account. */
public final class AccountHandlers {

    public static final String ME = "/api/v1/me";

    private final GetAccountUseCase get;
    private final UpdateAccountUseCase update;
    private final DeleteAccountUseCase delete;
    private final KnownAccounts knownAccounts;
    private final PasswordWorkLimiter passwordWork;
    private final JsonBodies bodies;

    public AccountHandlers(GetAccountUseCase get, UpdateAccountUseCase update, DeleteAccountUseCase delete,
                           KnownAccounts knownAccounts, PasswordWorkLimiter passwordWork, JsonBodies bodies) {
        this.get = Objects.requireNonNull(get, "get");
        this.update = Objects.requireNonNull(update, "update");
        this.delete = Objects.requireNonNull(delete, "delete");
        this.knownAccounts = Objects.requireNonNull(knownAccounts, "knownAccounts");
        this.passwordWork = Objects.requireNonNull(passwordWork, "passwordWork");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get(ME, this::get);
        routes.head(ME, this::get);
        routes.patch(ME, this::update);
        routes.delete(ME, this::delete);
    }

    void get(Context ctx) {
        bodies.send(ctx, UserResponse.from(get.get(BearerAuthentication.user(ctx))));
    }

    /** {@code name: null} clears the name; a new {@code password} needs {@code current_password}. */
    void update(Context ctx) {
        JsonFields body = bodies.requireObject(ctx);
        UpdateAccountCommand command = body.build(() -> UpdateAccountCommand.of(
                body.stringChange("name"), body.stringChange("password"), body.stringChange("current_password")));
        User user = command.newPassword().isPresent()
                ? passwordWork.run(() -> update.update(BearerAuthentication.user(ctx), command))
                : update.update(BearerAuthentication.user(ctx), command);
        bodies.send(ctx, UserResponse.from(user));
    }

    void delete(Context ctx) {
        UserId user = BearerAuthentication.user(ctx);
        delete.delete(user);
        knownAccounts.forget(user); // its tokens answer 401 from the next request on
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
