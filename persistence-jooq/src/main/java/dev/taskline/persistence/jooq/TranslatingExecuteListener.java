package dev.taskline.persistence.jooq;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/** Replaces a failed statement's exception with its domain meaning (see {@link DatabaseErrors}). */
final class TranslatingExecuteListener implements ExecuteListener {
    @Override
    public void exception(ExecuteContext context) {
        if (context.exception() != null) {
            DatabaseErrors.translate(context.exception()).ifPresent(context::exception);
        }
    }
}
