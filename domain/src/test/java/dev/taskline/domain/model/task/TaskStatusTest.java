package dev.taskline.domain.model.task;

import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskStatusTest {

    @Test
    void wireNames_areTheApiSpellings() {
        assertThat(TaskStatus.PENDING.wireName()).isEqualTo("pending");
        assertThat(TaskStatus.IN_PROGRESS.wireName()).isEqualTo("in_progress");
        assertThat(TaskStatus.COMPLETED.wireName()).isEqualTo("completed");
    }

    @ParameterizedTest
    @EnumSource(TaskStatus.class)
    void fromWireName_readsBackEveryWireName(TaskStatus status) {
        assertThat(TaskStatus.fromWireName(status.wireName())).isEqualTo(status);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "PENDING", "done", "in progress"})
    void fromWireName_unknown_isRefusedOnStatus_listingTheAllowedValues(String raw) {
        assertRejectedSaying(() -> TaskStatus.fromWireName(raw), "status", "pending, in_progress, completed");
    }
}
