package dev.taskline.domain.model.task;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.Text;
import org.junit.jupiter.api.Test;

class TaskDescriptionTest {

    @Test
    void description_isAtMost10000CodePoints() {
        assertThat(new TaskDescription(Text.letters(10_000)).value()).hasSize(10_000);
        assertThat(new TaskDescription(Text.emoji(10_000)).value()).hasSize(20_000);
        assertRejectedSaying(() -> new TaskDescription(Text.letters(10_001)), "description", "at most 10000 characters");
        assertRejectedOn(() -> new TaskDescription(Text.emoji(10_001)), "description");
    }

    @Test
    void description_isStoredAsSent_notTrimmed_andMayBeEmpty() {
        assertThat(new TaskDescription("  indented\n").value()).isEqualTo("  indented\n");
        assertThat(new TaskDescription("").value()).isEmpty();
    }

    @Test
    void description_withNul_isRefused() {
        assertRejectedSaying(() -> new TaskDescription("a\0"), "description", "NUL");
    }
}
