package dev.taskline.persistence.jooq;

import dev.taskline.domain.error.Conflict;
import dev.taskline.domain.error.Unauthenticated;
import dev.taskline.domain.error.Unavailable;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Turns database failures into domain failures at the adapter boundary, so that no SQL state, SQL
 * text or driver class ever travels further than this module.
 *
 * <ul>
 *   <li>a unique violation on the email index: {@link Conflict} (the only unique key a client can hit);</li>
 *   <li>a foreign-key violation on a row's owner: {@link Unauthenticated}: the account was deleted
 *       while a token of it was still in use;</li>
 *   <li>no connection (pool timeout, refused, dropped), a server shutting down, a statement cancelled
 *       by its timeout: {@link Unavailable}, worth retrying later;</li>
 *   <li>anything else is a bug and stays an exception of its own kind (an HTTP 500).</li>
 * </ul>
 */
final class DatabaseErrors {
    static final String EMAIL_UNIQUE_INDEX = "users_email_lower_key";
    /** tasks_user_id_fkey, conversations_user_id_fkey, messages_user_id_fkey */
    static final String OWNER_FOREIGN_KEY_SUFFIX = "_user_id_fkey";

    private DatabaseErrors() {
    }

    /** The domain failure that {@code failure} means, if it means one. */
    static Optional<RuntimeException> translate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return Optional.of(new Unavailable(failure));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<RuntimeException> translated = bySqlState(sql, failure);
                if (translated.isPresent()) {
                    return translated;
                }
            }
        }
        return Optional.empty();
    }

    static RuntimeException translateOrKeep(RuntimeException failure) {
        return translate(failure).orElse(failure);
    }

    private static Optional<RuntimeException> bySqlState(SQLException sql, Throwable failure) {
        String state = sql.getSQLState();
        if (state.equals("23505") && String.valueOf(sql.getMessage()).contains(EMAIL_UNIQUE_INDEX)) {
            return Optional.of(Conflict.emailTaken());
        }
        if (state.equals("23503") && String.valueOf(sql.getMessage()).contains(OWNER_FOREIGN_KEY_SUFFIX)) {
            return Optional.of(new Unauthenticated("the account no longer exists"));
        }
        if (state.startsWith("08")            // connection exception
                || state.startsWith("57P")    // admin/crash shutdown, cannot connect now
                || state.equals("57014")      // statement timeout / cancelled
                || state.equals("53300")) {   // too many connections
            return Optional.of(new Unavailable(failure));
        }
        return Optional.empty();
    }
}
