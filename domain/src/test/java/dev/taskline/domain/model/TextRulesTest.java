package dev.taskline.domain.model;

import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.Text;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void codePoints_countsAnEmojiOnce() {
        assertThat(TextRules.codePoints(Text.emoji(3))).isEqualTo(3);
        assertThat(Text.emoji(3)).hasSize(6);
    }

    @Test
    void require_refusesNullNulAndLoneSurrogates() {
        assertRejectedSaying(() -> TextRules.require(null, "name", 0, 10), "name", "is required");
        assertRejectedSaying(() -> TextRules.require("a\0b", "name", 0, 10), "name", "NUL");
        assertRejectedSaying(() -> TextRules.require("a\uD83D", "name", 0, 10), "name", "valid Unicode");
        assertRejectedSaying(() -> TextRules.require("\uDE00a", "name", 0, 10), "name", "valid Unicode");
    }

    @Test
    void requireStorable_tellsPairsFromLoneSurrogatesAnywhere() {
        for (String lone : new String[] {"\uD83D\uD83D\uDE00", "\uDE00\uD83D", "x\uD83Dy", "\uD83D\uDE00\uDE00", "\uD83D"}) {
            assertRejectedSaying(() -> TextRules.requireStorable(lone, "f"), "f", "valid Unicode");
        }
        for (String paired : new String[] {"\uD83D\uDE00", "a\uD83D\uDE00b\uD83D\uDE00", Text.emoji(50), "", "plain"}) {
            assertThat(TextRules.requireStorable(paired, "f")).isEqualTo(paired);
        }
    }

    @Test
    void require_boundsLengthInCodePoints() {
        assertThat(TextRules.require(Text.emoji(3), "f", 3, 3)).isEqualTo(Text.emoji(3));
        assertRejectedSaying(() -> TextRules.require(Text.emoji(4), "f", 1, 3), "f", "at most 3 characters");
        assertRejectedSaying(() -> TextRules.require("", "f", 1, 3), "f", "must not be empty");
        assertRejectedSaying(() -> TextRules.require("ab", "f", 3, 5), "f", "at least 3 characters");
    }
}
