package dev.taskline.domain.model.task;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.Text;
import dev.taskline.domain.model.change.Change;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskPatchTest {

    private static TaskPatch statusAndCompleted(Optional<TaskStatus> status, Optional<Boolean> completed) {
        return new TaskPatch(Optional.empty(), Change.keep(), status, completed, Change.keep());
    }

    @Test
    void completedTrue_setsStatusCompleted_andFalseSetsPending() {
        assertThat(statusAndCompleted(Optional.empty(), Optional.of(true)).effectiveStatus()).contains(TaskStatus.COMPLETED);
        assertThat(statusAndCompleted(Optional.empty(), Optional.of(false)).effectiveStatus()).contains(TaskStatus.PENDING);
    }

    @Test
    void status_withoutCompleted_isTheStatusSet() {
        assertThat(statusAndCompleted(Optional.of(TaskStatus.IN_PROGRESS), Optional.empty()).effectiveStatus())
                .contains(TaskStatus.IN_PROGRESS);
        assertThat(TaskPatch.empty().effectiveStatus()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"COMPLETED, true", "PENDING, false", "IN_PROGRESS, false"})
    void statusAndCompleted_thatAgree_areAccepted_andTheStatusWins(TaskStatus status, boolean completed) {
        assertThat(statusAndCompleted(Optional.of(status), Optional.of(completed)).effectiveStatus()).contains(status);
    }

    @ParameterizedTest
    @CsvSource({"PENDING, true", "IN_PROGRESS, true", "COMPLETED, false"})
    void statusAndCompleted_thatContradict_areRefusedOnCompleted(TaskStatus status, boolean completed) {
        assertRejectedSaying(() -> statusAndCompleted(Optional.of(status), Optional.of(completed)), "completed", "must agree with status");
    }

    @Test
    void isEmpty_onlyWhenEveryFieldIsLeftAlone() {
        assertThat(TaskPatch.empty().isEmpty()).isTrue();
        assertThat(TaskPatch.of(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep()).isEmpty()).isTrue();
        assertThat(TaskPatch.of(Change.keep(), Change.clear(), Change.keep(), Change.keep(), Change.keep()).isEmpty()).isFalse();
        assertThat(TaskPatch.of(Change.keep(), Change.keep(), Change.keep(), Change.set(false), Change.keep()).isEmpty()).isFalse();
        assertThat(TaskPatch.of(Change.set("t"), Change.keep(), Change.keep(), Change.keep(), Change.keep()).isEmpty()).isFalse();
    }

    @Test
    void of_parsesRawValues() {
        var patch = TaskPatch.of(Change.set("  Title "), Change.set("desc"), Change.set("in_progress"), Change.keep(),
                Change.set("2026-12-31"));

        assertThat(patch).isEqualTo(new TaskPatch(Optional.of(TaskTitle.of("Title")), Change.set(new TaskDescription("desc")),
                Optional.of(TaskStatus.IN_PROGRESS), Optional.empty(), Change.set(LocalDate.of(2026, 12, 31))));
    }

    @Test
    void of_nullDescriptionAndDueDate_clearThem() {
        var patch = TaskPatch.of(Change.keep(), Change.clear(), Change.keep(), Change.keep(), Change.clear());

        assertThat(patch.description()).isEqualTo(Change.clear());
        assertThat(patch.dueDate()).isEqualTo(Change.clear());
    }

    @Test
    void of_nullTitleStatusOrCompleted_isRefused_forTheyCannotBeCleared() {
        assertRejectedOn(() -> TaskPatch.of(Change.clear(), Change.keep(), Change.clear(), Change.clear(), Change.keep()),
                "title", "status", "completed");
    }

    @Test
    void of_reportsEveryBadFieldAtOnce() {
        assertRejectedOn(() -> TaskPatch.of(Change.set(" "), Change.set(Text.letters(10_001)), Change.set("done"),
                Change.keep(), Change.set("2026-13-01")), "title", "description", "status", "due_date");
    }

    @Test
    void of_reportsAContradictionAlongsideOtherErrors() {
        assertRejectedOn(() -> TaskPatch.of(Change.set(""), Change.keep(), Change.set("pending"), Change.set(true), Change.keep()),
                "title", "completed");
    }

    @Test
    void of_doesNotCallCompletedContradictory_whenTheStatusItselfIsInvalid() {
        assertRejectedOn(() -> TaskPatch.of(Change.keep(), Change.keep(), Change.set("bogus"), Change.set(true), Change.keep()),
                "status");
    }
}
