package dev.taskline.persistence.jooq;

import org.jooq.DSLContext;

/**
 * What a repository needs to make {@link RenderedOnce} statements: the {@link DSLContext} that
 * builds and renders them, and the connections and SQL echo setting that they run with.
 */
record Statements(DSLContext dsl, ReservableConnectionProvider connections, boolean echo) {
}
