package dev.taskline.domain.model.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.model.change.Change;
import dev.taskline.domain.model.user.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskDetailsTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 24);
    private static final TaskDetails DETAILS = new TaskDetails(TaskTitle.of("Write report"),
            Optional.of(new TaskDescription("quarterly")), TaskStatus.IN_PROGRESS, Optional.of(DUE));

    private static TaskPatch patch(Change<String> title, Change<String> description, Change<String> status,
                                   Change<Boolean> completed, Change<String> dueDate) {
        return TaskPatch.of(title, description, status, completed, dueDate);
    }

    @Test
    void apply_emptyPatch_changesNothing() {
        assertThat(DETAILS.apply(TaskPatch.empty())).isEqualTo(DETAILS);
    }

    @Test
    void apply_patchRepeatingTheCurrentValues_isEqualToTheOriginal_soNothingNeedsWriting() {
        var same = patch(Change.set(" Write report "), Change.set("quarterly"), Change.set("in_progress"), Change.keep(),
                Change.set("2026-12-24"));

        assertThat(DETAILS.apply(same)).isEqualTo(DETAILS);
    }

    @Test
    void apply_setsWhatIsSet_clearsWhatIsCleared_andKeepsTheRest() {
        var updated = DETAILS.apply(patch(Change.set("Send report"), Change.clear(), Change.keep(), Change.keep(), Change.keep()));

        assertThat(updated).isEqualTo(new TaskDetails(TaskTitle.of("Send report"), Optional.empty(), TaskStatus.IN_PROGRESS,
                Optional.of(DUE)));
        assertThat(updated.apply(patch(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.clear())).dueDate())
                .isEmpty();
    }

    @Test
    void apply_completedTrue_completes_andCompletedFalse_reopensAsPending() {
        var completed = DETAILS.apply(patch(Change.keep(), Change.keep(), Change.keep(), Change.set(true), Change.keep()));
        var reopened = completed.apply(patch(Change.keep(), Change.keep(), Change.keep(), Change.set(false), Change.keep()));

        assertThat(completed.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(reopened.status()).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void task_isCompleted_exactlyWhenItsStatusIsCompleted() {
        for (TaskStatus status : TaskStatus.values()) {
            var details = new TaskDetails(DETAILS.title(), DETAILS.description(), status, DETAILS.dueDate());
            var task = new Task(new TaskId(1), new UserId(2), details, 1, Instant.EPOCH, Instant.EPOCH);

            assertThat(task.completed()).as(status.name()).isEqualTo(status == TaskStatus.COMPLETED);
            assertThat(task.status()).isEqualTo(status);
        }
    }

    @Test
    void task_accessors_readTheDetails() {
        var task = new Task(new TaskId(1), new UserId(2), DETAILS, 3, Instant.EPOCH, Instant.EPOCH);

        assertThat(task.title()).isEqualTo(DETAILS.title());
        assertThat(task.description()).isEqualTo(DETAILS.description());
        assertThat(task.dueDate()).contains(DUE);
    }
}
