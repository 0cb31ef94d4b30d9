package dev.taskline.domain.model.task;

import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DueDateTest {

    @Test
    void dueDate_isReadAsYyyyMmDd() {
        assertThat(DueDate.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-02-30", "2025-02-29", "2026-2-3", "26-02-03", "+10000-01-01", "2026-02-03T10:00", "tomorrow", "0000-01-01", "0000-12-31"})
    void dueDate_notARealYyyyMmDdDate_isRefusedOnDueDate(String raw) {
        assertRejectedSaying(() -> DueDate.parse(raw), "due_date", "YYYY-MM-DD");
    }

    @Test
    void dueDate_null_isRequired() {
        assertRejectedSaying(() -> DueDate.parse(null), "due_date", "is required");
    }
}
