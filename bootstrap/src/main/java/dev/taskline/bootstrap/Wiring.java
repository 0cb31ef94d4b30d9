package dev.taskline.bootstrap;

import dev.taskline.domain.service.AccountService;
import dev.taskline.domain.service.ConversationService;
import dev.taskline.domain.service.TaskService;
import dev.taskline.http.javalin.HttpApi;
import dev.taskline.http.javalin.HttpSettings;
import dev.taskline.http.javalin.JwtSettings;
import dev.taskline.http.javalin.UseCases;
import dev.taskline.http.javalin.security.BcryptPasswordHasher;
import dev.taskline.persistence.jooq.JooqPersistence;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** Builds the object graph by hand on the persistence adapter it is given: domain services, HTTP. Returns an unstarted app. */
final class Wiring {
    private static final Logger log = LoggerFactory.getLogger(Wiring.class);

    private Wiring() {
    }

    static Javalin httpApp(AppConfig config, JooqPersistence persistence, byte[] jwtSecret) {
        var hasher = new BcryptPasswordHasher(config.bcryptCost());
        var accounts = new AccountService(persistence.users(), hasher, persistence.transactions());
        var tasks = new TaskService(persistence.tasks(), persistence.transactions());
        var conversations = new ConversationService(persistence.conversations(), persistence.messages());

        return HttpApi.create(httpSettings(config, jwtSecret, Instant.now()), UseCases.of(accounts, tasks, conversations),
                persistence::databaseUp);
    }

    /** The HTTP adapter's settings for a server starting at {@code start} (which dates the default end of a JWT rotation). */
    static HttpSettings httpSettings(AppConfig config, byte[] jwtSecret, Instant start) {
        HttpSecurityConfig security = config.httpSecurity();
        var jwt = new JwtSettings(jwtSecret, JwtSettings.DEFAULT_ISSUER, config.jwtTtl(), JwtSettings.DEFAULT_LEEWAY);
        if (!security.jwtPreviousSecrets().isEmpty()) {
            Instant until = security.previousSecretsDeadline(start, config.jwtTtl(), JwtSettings.DEFAULT_LEEWAY);
            jwt = jwt.withPreviousSecrets(security.jwtPreviousSecrets(), until);
            if (until.isAfter(start)) {
                log.info("JWT rotation: tokens signed with {} previous secret(s) are accepted until {}", security.jwtPreviousSecrets().size(),
                        until);
            } else {
                log.warn("JWT_PREVIOUS_SECRETS_UNTIL ({}) has passed: tokens signed with the previous secrets are refused; "
                        + "remove JWT_PREVIOUS_SECRETS", until);
            }
        }
        return HttpSettings.defaults(jwt)
                .withAuthRateLimits(security.authRateLimits())
                .withCors(security.cors())
                .withHstsMaxAge(security.hstsMaxAge());
    }
}
