package dev.taskline.domain.model.conversation;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTest {

    @Test
    void content_isFrom1To10000CodePoints() {
        assertThat(new MessageContent("x").value()).isEqualTo("x");
        assertThat(new MessageContent(Text.emoji(10_000)).value()).isEqualTo(Text.emoji(10_000));
        assertRejectedSaying(() -> new MessageContent(Text.emoji(10_001)), "content", "at most 10000 characters");
        assertRejectedOn(() -> new MessageContent(Text.letters(10_001)), "content");
        assertRejectedSaying(() -> new MessageContent(""), "content", "must not be empty");
    }

    @Test
    void content_isStoredExactlyAsSent_whitespaceIncluded() {
        assertThat(new MessageContent("  hi\n").value()).isEqualTo("  hi\n");
        assertThat(new MessageContent(" ").value()).isEqualTo(" ");
    }

    @Test
    void content_nullOrWithNul_isRefused() {
        assertRejectedSaying(() -> new MessageContent(null), "content", "is required");
        assertRejectedSaying(() -> new MessageContent("a\0"), "content", "NUL");
    }

    @Test
    void role_wireNames_roundTrip() {
        assertThat(MessageRole.USER.wireName()).isEqualTo("user");
        assertThat(MessageRole.ASSISTANT.wireName()).isEqualTo("assistant");
        assertThat(MessageRole.fromWireName("assistant")).isEqualTo(MessageRole.ASSISTANT);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "User", "system", "tool"})
    void role_unknown_isRefusedOnRole(String raw) {
        assertRejectedSaying(() -> MessageRole.fromWireName(raw), "role", "user, assistant");
    }

    @Test
    void newMessage_of_reportsABadRoleAndBadContentTogether() {
        assertRejectedOn(() -> NewMessage.of("system", ""), "role", "content");
        assertThat(NewMessage.of("user", "hello")).isEqualTo(new NewMessage(MessageRole.USER, new MessageContent("hello")));
    }
}
