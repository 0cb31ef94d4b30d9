package dev.taskline.domain.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.task.TaskId;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DomainExceptionTest {

    @Test
    void notFound_namesOnlyWhatTheCallerAskedFor() {
        assertThat(NotFound.task(new TaskId(42))).hasMessage("task 42 not found");
        assertThat(NotFound.conversation(new ConversationId(7))).hasMessage("conversation 7 not found");
        assertThat(NotFound.account()).hasMessage("account not found");
    }

    @Test
    void badCredentials_alwaysReadTheSame() {
        assertThat(Unauthenticated.badCredentials()).hasMessage(Unauthenticated.badCredentials().getMessage());
    }

    @Test
    void emailTaken_doesNotEchoTheAddress() {
        assertThat(Conflict.emailTaken().getMessage()).doesNotContain("@");
    }

    @Test
    void unavailable_keepsItsCause() {
        var cause = new IOException("connection refused");

        assertThat(new Unavailable(cause)).hasCause(cause).hasMessage("database unavailable");
    }

    @Test
    void everyDomainException_isUnchecked() {
        assertThat(DomainException.class.getPermittedSubclasses()).hasSize(6)
                .allSatisfy(type -> assertThat(RuntimeException.class).isAssignableFrom(type));
    }
}
