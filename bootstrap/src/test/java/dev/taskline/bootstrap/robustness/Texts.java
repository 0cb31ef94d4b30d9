package dev.taskline.bootstrap.robustness;

import java.util.List;
import java.util.Random;

/**
 * Random text and JSON values for the generators: Unicode from many scripts and planes (emoji,
 * combining marks, right-to-left, zero-width and control characters, noncharacters), numbers of
 * every shape, nested arrays and objects.
 */
final class Texts {
    /** Ranges of code points, {first, last}, drawn from with equal weight. */
    private static final int[][] POOLS = {
            {'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {' ', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'},
            {0xC0, 0xFF}, {0x391, 0x3C9}, {0x410, 0x44F}, {0x5D0, 0x5EA}, {0x627, 0x64A},
            {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x300, 0x36F},
            {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x10000, 0x1007F}, {0x1D400, 0x1D7FF},
            {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0xFEFF, 0xFEFF},
            {0x01, 0x1F}, {0x7F, 0x9F}, {0xE000, 0xE0FF}, {0xFFFE, 0xFFFF}, {0x10FFFE, 0x10FFFF},
            {0xA0, 0xA0}, {0x2000, 0x200A}, {0x3000, 0x3000}};
    /** Characters that {@code String.strip()} removes or that make a title blank (Java whitespace or Unicode space separators). */
    static final List<Integer> BLANKS = List.of((int) ' ', (int) '\t', (int) '\n', (int) '\r', 0x0B, 0x0C, 0x1C, 0x1F, 0xA0, 0x1680,
            0x2000, 0x2003, 0x2007, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000);

    private Texts() {
    }

    /** {@code length} code points from random pools (never NUL, never an unpaired surrogate). */
    static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        int[] pool = POOLS[random.nextInt(POOLS.length)];
        for (int i = 0; i < length; i++) {
            if (random.nextInt(8) == 0) {
                pool = POOLS[random.nextInt(POOLS.length)];
            }
            text.appendCodePoint(pool[0] + random.nextInt(pool[1] - pool[0] + 1));
        }
        return text.toString();
    }

    /** Like {@link #text} but neither starting nor ending with a blank, so that stripping keeps every character. */
    static String solidText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < length) {
            int codePoint = text(random, 1).codePointAt(0);
            boolean atAnEnd = text.isEmpty() || text.codePointCount(0, text.length()) == length - 1;
            if (atAnEnd && (isBlank(codePoint) || Character.isWhitespace(codePoint))) {
                continue;
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** The domain's notion of a blank character: Java whitespace or a Unicode space separator. */
    static boolean isBlank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** Only blanks: a title made of them is refused. */
    static String blank(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(BLANKS.get(random.nextInt(BLANKS.size())));
        }
        return text.toString();
    }

    /** Only characters that {@code String.strip()} removes (Java whitespace: not the no-break spaces). */
    static String strippable(Random random, int length) {
        int[] whitespace = {' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x1C, 0x1F, 0x1680, 0x2003, 0x2028, 0x3000};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(whitespace[random.nextInt(whitespace.length)]);
        }
        return text.toString();
    }

    /** {@code count} random ASCII digits, the first not zero. */
    static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** A valid JSON number of any shape the grammar allows, at most 1,000 characters (Jackson's limit). */
    static String number(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "0";
            case 1 -> "-0";
            case 2 -> Integer.toString(random.nextInt());
            case 3 -> Long.toString(random.nextLong());
            case 4 -> "9223372036854775808";
            case 5 -> "-9223372036854775809";
            case 6 -> digits(random, 20 + random.nextInt(900));
            // plain digits before the exponent: Double.toString writes 9.5E-4 below 0.001, and a
            // second exponent after it is not a number (it made one run in a thousand fail)
            case 7 -> java.math.BigDecimal.valueOf(random.nextDouble()).toPlainString() + "e" + (random.nextInt(800) - 400);
            case 8 -> "1e400";
            case 9 -> "-1E-400";
            case 10 -> "0." + "0".repeat(random.nextInt(900)) + "1";
            default -> Double.toString(random.nextGaussian() * 1e6);
        };
    }

    /** Any valid JSON value, nesting at most {@code depth} levels (Jackson refuses more than 1,000 in all). */
    static String anyValue(Random random, int depth) {
        int choice = random.nextInt(depth > 0 ? 10 : 6);
        return switch (choice) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> number(random);
            case 3 -> JsonText.quote(text(random, random.nextInt(40)));
            case 4 -> JsonText.quoteEscapingAll(text(random, random.nextInt(40)));
            case 5 -> JsonText.quote(oddString(random));
            case 6 -> "[" + anyValue(random, depth - 1) + (random.nextBoolean() ? "," + anyValue(random, depth - 1) : "") + "]";
            case 7 -> "{" + JsonText.quote(text(random, random.nextInt(8))) + ":" + anyValue(random, depth - 1) + "}";
            case 8 -> JsonText.nestedArrays(1 + random.nextInt(Math.min(depth, 900)), anyValue(random, 0));
            default -> JsonText.nestedObjects(1 + random.nextInt(Math.min(depth, 400)), anyValue(random, 0));
        };
    }

    /** Strings the domain would refuse if it read them: NUL, unpaired surrogates, long runs. Harmless where a field is ignored. */
    static String oddString(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> "nul\u0000inside";
            case 1 -> "\ud800";
            case 2 -> "low \udc00 alone";
            case 3 -> "\udc00\ud800 reversed";
            case 4 -> "x".repeat(10_000 + random.nextInt(40_000));
            case 5 -> "\u202e\u0000\ufeff\uffff";
            default -> text(random, 200 + random.nextInt(2_000));
        };
    }
}
