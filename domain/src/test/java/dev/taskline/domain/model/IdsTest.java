package dev.taskline.domain.model;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.conversation.MessageId;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.user.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void ids_arePositive_andANonPositiveOneIsInvalidInputOnId(long value) {
        assertRejectedOn(() -> new UserId(value), "id");
        assertRejectedOn(() -> new TaskId(value), "id");
        assertRejectedOn(() -> new ConversationId(value), "id");
        assertRejectedOn(() -> new MessageId(value), "id");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, Long.MAX_VALUE})
    void ids_acceptTheWholePositiveRange(long value) {
        assertThat(new UserId(value).value()).isEqualTo(value);
        assertThat(new TaskId(value).value()).isEqualTo(value);
        assertThat(new ConversationId(value).value()).isEqualTo(value);
        assertThat(new MessageId(value).value()).isEqualTo(value);
    }
}
