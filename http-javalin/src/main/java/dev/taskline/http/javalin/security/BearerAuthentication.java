package dev.taskline.http.javalin.security;

import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.in.GetAccountUseCase;
import dev.taskline.http.javalin.problem.Problems;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication step, run before every matched route that is not {@link Access#PUBLIC}: reads
 * {@code Authorization: Bearer <token>}, verifies the token, and puts the {@link UserId} into the
 * request for handlers to take with {@link #user(Context)}. Nothing else reads the token.
 *
 * <p>It also confirms that the account still exists, so that a token issued before its user was
 * deleted answers 401 on every later request (not 404 on {@code /me}); the confirmation is kept
 * for a while in {@link KnownAccounts}, so it costs one primary-key look-up per account and
 * period rather than per request.
 *
 * <p>Running as a before-matched handler means an unknown path answers 404 and a wrong method
 * 405 whether or not a token came with it.
 */
public final class BearerAuthentication implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthentication.class);
    private static final String USER_ATTRIBUTE = BearerAuthentication.class.getName() + ".user";
    private static final String SCHEME = "bearer";

    private final JwtTokens tokens;
    private final GetAccountUseCase accounts;
    private final KnownAccounts knownAccounts;

    public BearerAuthentication(JwtTokens tokens, GetAccountUseCase accounts, KnownAccounts knownAccounts) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.knownAccounts = Objects.requireNonNull(knownAccounts, "knownAccounts");
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.routeRoles().contains(Access.PUBLIC)) {
            return;
        }
        ctx.attribute(USER_ATTRIBUTE, authenticate(ctx.header(Header.AUTHORIZATION)));
    }

    /**
     * The caller named by an {@code Authorization} header, checked as above: the token's signature
     * and expiry, and that its account still exists. Throws the 401 problem otherwise.
     */
    public UserId authenticate(String authorization) {
        String token = bearerToken(authorization);
        UserId user;
        try {
            user = tokens.verify(token);
        } catch (InvalidTokenException rejected) {
            LOG.debug("Refused a bearer token: {}", rejected.getMessage());
            throw Problems.invalidToken("the access token is invalid or has expired");
        }
        if (!knownAccounts.isConfirmed(user)) {
            try {
                accounts.get(user);
            } catch (NotFound deleted) {
                throw Problems.invalidToken("the account of this access token no longer exists");
            }
            knownAccounts.confirm(user);
        }
        return user;
    }

    /** The authenticated caller; only routes behind this handler may ask. */
    public static UserId user(Context ctx) {
        UserId user = ctx.attribute(USER_ATTRIBUTE);
        if (user == null) {
            throw new IllegalStateException("no authenticated user: is this route marked public by mistake?");
        }
        return user;
    }

    /** The credentials of a {@code Bearer} authorization (scheme case-insensitive, RFC 9110 §11.1). */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw Problems.missingToken();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        if (!scheme.equals(SCHEME)) {
            throw Problems.missingToken(); // another scheme (Basic...) carries no bearer token
        }
        String token = space < 0 ? "" : value.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw Problems.invalidToken("the bearer token is empty");
        }
        return token;
    }
}
