package dev.taskline.domain;

/** Builders of test strings whose length in code points differs from their length in chars or bytes. */
public final class Text {

    /** U+1F600: one code point, two Java chars, four UTF-8 bytes. */
    public static final String EMOJI = "\uD83D\uDE00";

    private Text() {
    }

    public static String emoji(int count) {
        return EMOJI.repeat(count);
    }

    public static String letters(int count) {
        return "a".repeat(count);
    }
}
