package dev.taskline.domain.model.task;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskFilterTest {

    @Test
    void none_letsEveryStatusThrough() {
        assertThat(TaskFilter.none().statuses()).containsExactlyInAnyOrder(TaskStatus.values());
        assertThat(TaskFilter.of(null, null)).isEqualTo(TaskFilter.none());
    }

    @Test
    void of_readsAWireStatusAndTrueOrFalse() {
        assertThat(TaskFilter.of("in_progress", "false"))
                .isEqualTo(new TaskFilter(Optional.of(TaskStatus.IN_PROGRESS), Optional.of(false)));
    }

    @Test
    void of_reportsABadStatusAndABadCompletedTogether() {
        assertRejectedOn(() -> TaskFilter.of("done", "yes"), "status", "completed");
    }

    @Test
    void completed_selectsTheCompletedStatus_orEveryOther() {
        assertThat(TaskFilter.of(null, "true").statuses()).containsExactly(TaskStatus.COMPLETED);
        assertThat(TaskFilter.of(null, "false").statuses()).containsExactlyInAnyOrder(TaskStatus.PENDING, TaskStatus.IN_PROGRESS);
    }

    @Test
    void contradictoryConditions_matchNothing_ratherThanFail() {
        assertThat(TaskFilter.of("pending", "true").statuses()).isEmpty();
        assertThat(TaskFilter.of("completed", "true").statuses()).containsExactly(TaskStatus.COMPLETED);
    }
}
