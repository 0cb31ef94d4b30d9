package dev.taskline.domain.error;

import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.task.TaskId;

/**
 * The resource does not exist <em>or belongs to another user</em>: both read the same, so that the
 * answer never reveals that someone else's row exists.
 */
public final class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }

    public static NotFound task(TaskId id) {
        return new NotFound("task " + id.value() + " not found");
    }

    public static NotFound conversation(ConversationId id) {
        return new NotFound("conversation " + id.value() + " not found");
    }

    /** The authenticated user's own account is gone (deleted since the token was issued). */
    public static NotFound account() {
        return new NotFound("account not found");
    }
}
