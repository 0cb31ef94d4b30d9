package dev.taskline.http.javalin.request;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiDigitsTest {

    @Test
    void digitsUpToTheLength_pass() {
        assertThat(AsciiDigits.only("0", 1)).isTrue();
        assertThat(AsciiDigits.only("0123456789", 10)).isTrue();
    }

    @Test
    void emptyTooLongOrAnythingButAsciiDigits_fail() {
        assertThat(AsciiDigits.only("", 5)).as("empty").isFalse();
        assertThat(AsciiDigits.only("123456", 5)).as("too long").isFalse();
        assertThat(AsciiDigits.only("/", 5)).as("just below '0'").isFalse();
        assertThat(AsciiDigits.only(":", 5)).as("just above '9'").isFalse();
        assertThat(AsciiDigits.only("+5", 5)).as("sign").isFalse();
        assertThat(AsciiDigits.only("1 ", 5)).as("space").isFalse();
        assertThat(AsciiDigits.only("\u0663", 5)).as("Arabic-Indic three, a digit to Character.isDigit").isFalse();
        assertThat(AsciiDigits.only("\uFF13", 5)).as("fullwidth three").isFalse();
        assertThat(AsciiDigits.only("1\uD835\uDFD1", 5)).as("mathematical bold nine, a surrogate pair").isFalse();
    }
}
