package dev.taskline.domain.port.in;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.Text;
import dev.taskline.domain.model.task.TaskDescription;
import dev.taskline.domain.model.task.TaskDetails;
import dev.taskline.domain.model.task.TaskStatus;
import dev.taskline.domain.model.task.TaskTitle;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreateTaskCommandTest {

    @Test
    void of_titleAlone_isAPendingTaskWithoutDescriptionOrDueDate() {
        assertThat(CreateTaskCommand.of(" Buy milk ", null, null, null).details())
                .isEqualTo(new TaskDetails(TaskTitle.of("Buy milk"), Optional.empty(), TaskStatus.PENDING, Optional.empty()));
    }

    @Test
    void of_everyField() {
        assertThat(CreateTaskCommand.of("Report", " draft ", "in_progress", "2026-12-24").details())
                .isEqualTo(new TaskDetails(TaskTitle.of("Report"), Optional.of(new TaskDescription(" draft ")),
                        TaskStatus.IN_PROGRESS, Optional.of(LocalDate.of(2026, 12, 24))));
    }

    @Test
    void of_reportsEveryBadFieldAtOnce() {
        assertRejectedOn(() -> CreateTaskCommand.of("  ", Text.letters(10_001), "done", "24/12/2026"),
                "title", "description", "status", "due_date");
        assertRejectedOn(() -> CreateTaskCommand.of(null, "a\0", null, null), "title", "description");
    }
}
