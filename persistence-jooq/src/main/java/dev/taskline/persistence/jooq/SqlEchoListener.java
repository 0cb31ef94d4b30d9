package dev.taskline.persistence.jooq;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every statement for DATABASE_ECHO; off by default. The SQL is logged with its {@code ?}
 * placeholders, not its values: those include password hashes and users' text.
 */
final class SqlEchoListener implements ExecuteListener {
    private static final Logger log = LoggerFactory.getLogger("taskline.sql");

    @Override
    public void executeEnd(ExecuteContext context) {
        if (context.sql() != null) {
            echo(context.sql(), context.rows());
        }
    }

    /** The one echo line of a statement, also for those run outside jOOQ ({@link RenderedOnce}). */
    static void echo(String sql, int rows) {
        log.info("{} ({} rows)", sql, rows);
    }
}
