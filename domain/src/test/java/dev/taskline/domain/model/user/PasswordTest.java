package dev.taskline.domain.model.user;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.taskline.domain.Text;
import org.junit.jupiter.api.Test;

class PasswordTest {

    private static final String SECRET = "correct horse battery staple";

    @Test
    void newPassword_needsAtLeast8CodePoints() {
        assertThat(Password.newPassword(Text.letters(8), "password").value()).isEqualTo(Text.letters(8));
        assertThat(Password.newPassword(Text.emoji(8), "password").value()).isEqualTo(Text.emoji(8));
        assertRejectedSaying(() -> Password.newPassword(Text.letters(7), "password"), "password", "at least 8 characters");
        // 7 emoji are 14 Java chars, still 7 characters.
        assertRejectedSaying(() -> Password.newPassword(Text.emoji(7), "password"), "password", "at least 8 characters");
    }

    @Test
    void newPassword_allows72Utf8Bytes_andRefuses73_neverTruncating() {
        String twoByteLetters = "é".repeat(36);
        String fourByteEmoji = Text.emoji(18);

        assertThat(Password.newPassword(Text.letters(72), "password").utf8Length()).isEqualTo(72);
        assertThat(Password.newPassword(twoByteLetters, "password").utf8Length()).isEqualTo(72);
        assertThat(Password.newPassword(fourByteEmoji, "password").value()).isEqualTo(fourByteEmoji);
        assertRejectedSaying(() -> Password.newPassword(Text.letters(73), "password"), "password", "at most 72 bytes");
        assertRejectedSaying(() -> Password.newPassword(twoByteLetters + "a", "password"), "password", "at most 72 bytes");
        assertRejectedSaying(() -> Password.newPassword(fourByteEmoji + "a", "password"), "password", "at most 72 bytes");
    }

    @Test
    void newPassword_refusesNullNulAndLoneSurrogates() {
        assertRejectedSaying(() -> Password.newPassword(null, "password"), "password", "is required");
        assertRejectedSaying(() -> Password.newPassword("abcd\0efgh", "password"), "password", "NUL");
        assertRejectedSaying(() -> Password.newPassword("abcdefgh\uD83D", "password"), "password", "valid Unicode");
    }

    @Test
    void newPassword_reportsOnTheFieldItIsGiven() {
        assertRejectedOn(() -> Password.newPassword("short", "new_password"), "new_password");
    }

    @Test
    void attempt_appliesNoPolicy_onlyRefusesNull() {
        assertThat(Password.attempt("").value()).isEmpty();
        assertThat(Password.attempt(Text.letters(500)).value()).hasSize(500);
        assertRejectedSaying(() -> Password.attempt(null), "password", "is required");
        assertRejectedOn(() -> Password.attempt(null, "current_password"), "current_password");
    }

    @Test
    void toString_neverShowsTheSecret() {
        assertThat(Password.attempt(SECRET).toString()).doesNotContain(SECRET).doesNotContain("horse");
        assertThat(Password.newPassword(SECRET, "password").toString()).doesNotContain("horse");
    }

    @Test
    void passwordHash_mustNotBeBlank_andIsMaskedWhenPrinted() {
        String hash = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

        assertThat(new PasswordHash(hash).toString()).doesNotContain("R9h");
        assertThat(new PasswordHash(hash).value()).isEqualTo(hash);
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHash(" "));
    }
}
