package dev.taskline.domain.model.user;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.Text;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void email_isLowerCased_soThatLetterCaseMakesNoSecondAccount() {
        assertThat(Email.of("Ann.Lee@Example.IO").value()).isEqualTo("ann.lee@example.io");
        assertThat(Email.of("A@X.io")).isEqualTo(Email.of("a@x.io"));
    }

    @Test
    void email_isLowerCasedTheSameWayWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            // In Turkish, "I".toLowerCase() is a dotless ı; Locale.ROOT keeps the ASCII i.
            assertThat(Email.of("INFO@EXAMPLE.IO").value()).isEqualTo("info@example.io");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void email_nullOrBlank_isRefusedOnEmail() {
        assertRejectedSaying(() -> Email.of(null), "email", "is required");
        assertRejectedSaying(() -> Email.of(""), "email", "must not be blank");
        assertRejectedSaying(() -> Email.of(" \t "), "email", "must not be blank");
    }

    @Test
    void email_isAtMost255CodePoints() {
        String domain = "@x.io";
        String longest = Text.letters(255 - domain.length()) + domain;
        String longestInEmoji = Text.emoji(255 - domain.length()) + domain;

        assertThat(Email.of(longest).value()).hasSize(255);
        assertThat(Email.of(longestInEmoji).value()).isEqualTo(longestInEmoji);
        assertRejectedSaying(() -> Email.of("a" + longest), "email", "at most 255 characters");
        assertRejectedSaying(() -> Email.of(Text.EMOJI + longestInEmoji), "email", "at most 255 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "@x.io", "a@", "a@x", "a@@x.io", "a@b@x.io", "a b@x.io", " a@x.io", "a@x.io ",
            "a\t@x.io", "a\u00A0b@x.io", "a\u2028@x.io", "a\u0007@x.io", "a@.io", "a@x.", "a@x..io"})
    void email_malformed_isRefusedOnEmail(String raw) {
        assertRejectedOn(() -> Email.of(raw), "email");
    }

    @Test
    void email_withNul_isRefused() {
        assertRejectedSaying(() -> Email.of("a\0@x.io"), "email", "NUL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@x.io", "first.last+tag@mail.example.co.uk", "o'brien@example.ie", "ünïcødé@exämple.de"})
    void email_plausible_isAccepted(String raw) {
        assertThat(Email.of(raw).value()).isEqualTo(raw.toLowerCase(Locale.ROOT));
    }
}
