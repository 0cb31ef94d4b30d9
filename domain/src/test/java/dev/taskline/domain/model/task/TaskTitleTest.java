package dev.taskline.domain.model.task;

import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskTitleTest {

    @Test
    void title_isStripped_andBoundedTo200CodePoints() {
        assertThat(TaskTitle.of("  Buy milk \n").value()).isEqualTo("Buy milk");
        assertThat(TaskTitle.of("   " + Text.letters(200) + "   ").value()).hasSize(200);
        assertRejectedSaying(() -> TaskTitle.of(Text.letters(201)), "title", "at most 200 characters");
    }

    @Test
    void title_of200Emoji_isValid_and201AreNot() {
        assertThat(TaskTitle.of(Text.emoji(200)).value()).isEqualTo(Text.emoji(200));
        assertRejectedSaying(() -> TaskTitle.of(Text.emoji(201)), "title", "at most 200 characters");
    }

    @Test
    void title_keepsInnerWhitespace() {
        assertThat(TaskTitle.of("a  b\tc").value()).isEqualTo("a  b\tc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u3000", " \u2003 ", "\u00a0", " \u202f\u2007 "})
    void title_blank_isRefused(String raw) {
        assertRejectedSaying(() -> TaskTitle.of(raw), "title", "must not be blank");
    }

    @Test
    void title_nullOrWithNul_isRefused() {
        assertRejectedSaying(() -> TaskTitle.of(null), "title", "is required");
        assertRejectedSaying(() -> TaskTitle.of("a\0b"), "title", "NUL");
    }

    @Test
    void constructor_stripsToo_soNoTitleIsEverUnstripped() {
        assertThat(new TaskTitle(" a ")).isEqualTo(TaskTitle.of("a"));
    }
}
