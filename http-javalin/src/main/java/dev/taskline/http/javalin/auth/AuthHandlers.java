package dev.taskline.http.javalin.auth;

import dev.taskline.domain.model.user.User;
import dev.taskline.domain.port.in.AuthenticateCommand;
import dev.taskline.domain.port.in.AuthenticateUseCase;
import dev.taskline.domain.port.in.RegisterUserCommand;
import dev.taskline.domain.port.in.RegisterUserUseCase;
import dev.taskline.http.javalin.json.JsonBodies;
import dev.taskline.http.javalin.json.JsonFields;
import dev.taskline.http.javalin.security.Access;
import dev.taskline.http.javalin.security.AuthThrottle;
import dev.taskline.http.javalin.security.JwtTokens;
import dev.taskline.http.javalin.security.PasswordWorkLimiter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/**
 * {@code POST /api/v1/auth/register} and {@code /login}, the two routes open without a token. Both
 * answer a token; a taken email is a 409, and an unknown email and a wrong password are one and the
 * same 401 (the domain makes them cost the same too).
 *
 * <p>Both are throttled ({@link AuthThrottle}): per client address before the body is even read,
 * per account (the email) once it is, and only then does the password work queue for its permit.
 */
public final class AuthHandlers {

    public static final String REGISTER = "/api/v1/auth/register";
    public static final String LOGIN = "/api/v1/auth/login";

    private final RegisterUserUseCase register;
    private final AuthenticateUseCase authenticate;
    private final JwtTokens tokens;
    private final PasswordWorkLimiter passwordWork;
    private final AuthThrottle throttle;
    private final JsonBodies bodies;

    public AuthHandlers(RegisterUserUseCase register, AuthenticateUseCase authenticate, JwtTokens tokens,
                        PasswordWorkLimiter passwordWork, AuthThrottle throttle, JsonBodies bodies) {
        this.register = Objects.requireNonNull(register, "register");
        this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.passwordWork = Objects.requireNonNull(passwordWork, "passwordWork");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post(REGISTER, this::register, Access.PUBLIC);
        routes.post(LOGIN, this::login, Access.PUBLIC);
    }

    void register(Context ctx) {
        throttle.checkAddress(ctx);
        JsonFields body = bodies.requireObject(ctx);
        RegisterUserCommand command = body.build(() -> RegisterUserCommand.of(body.string("email"), body.string("password"), body.string("name")));
        throttle.checkAccount(command.email().value());
        User user = passwordWork.run(() -> register.register(command));
        respondWithToken(ctx.status(HttpStatus.CREATED), user);
    }

    void login(Context ctx) {
        throttle.checkAddress(ctx);
        JsonFields body = bodies.requireObject(ctx);
        AuthenticateCommand command = body.build(() -> AuthenticateCommand.of(body.string("email"), body.string("password")));
        throttle.checkAccount(command.email());
        User user = passwordWork.run(() -> authenticate.authenticate(command));
        respondWithToken(ctx.status(HttpStatus.OK), user);
    }

    private void respondWithToken(Context ctx, User user) {
        ctx.header(Header.CACHE_CONTROL, "no-store"); // RFC 6749 §5.1: responses with tokens are not cached
        bodies.send(ctx, TokenResponse.from(user, tokens.issue(user.id())));
    }
}
