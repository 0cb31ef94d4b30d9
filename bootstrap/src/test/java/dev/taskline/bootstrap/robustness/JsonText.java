package dev.taskline.bootstrap.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * JSON written by hand, so that a test controls every byte: escapes a serializer would never
 * choose, unpaired surrogates, duplicate keys, raw bytes that are not UTF-8. Members and values
 * are JSON texts ({@code "\"x\""}, {@code "[1]"}), kept as Java strings free of unpaired
 * surrogates (those are written as {@code \}{@code uD800} escapes), so that their UTF-8 form is
 * exactly what is sent.
 */
final class JsonText {

    /** One {@code "key": value} pair, both as JSON text. */
    record Member(String key, String value) {
        static Member of(String name, String valueJson) {
            return new Member(quote(name), valueJson);
        }

        String text() {
            return key + ":" + value;
        }
    }

    private JsonText() {
    }

    /**
     * {@code value} as a JSON string: quote, backslash and control characters escaped, unpaired
     * surrogates escaped (they have no UTF-8 form), everything else as it is.
     */
    static String quote(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            if (pairedHigh) {
                json.append(c).append(value.charAt(++i));
            } else if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** {@code value} as a JSON string with every character outside printable ASCII escaped ({@code \}{@code u00e9}, pairs as two escapes). */
    static String quoteEscapingAll(String value) {
        StringBuilder json = new StringBuilder(value.length() * 2 + 2).append('"');
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04X", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** An object of these members, with random (legal) whitespace around the tokens. */
    static String object(List<Member> members, Random random) {
        String separator = space(random) + "," + space(random);
        return "{" + space(random) + members.stream().map(member -> member.key() + space(random) + ":" + space(random) + member.value())
                .collect(Collectors.joining(separator)) + space(random) + "}";
    }

    static String object(List<Member> members) {
        return "{" + members.stream().map(Member::text).collect(Collectors.joining(",")) + "}";
    }

    /** JSON whitespace: mostly none, sometimes spaces, tabs and line breaks. */
    static String space(Random random) {
        if (random.nextInt(4) != 0) {
            return "";
        }
        String[] blanks = {" ", "\t", "\n", "\r\n", "  "};
        return blanks[random.nextInt(blanks.length)];
    }

    /** {@code depth} arrays nested around {@code core}: {@code [[[core]]]}. */
    static String nestedArrays(int depth, String core) {
        return "[".repeat(depth) + core + "]".repeat(depth);
    }

    /** {@code depth} objects nested around {@code core}: {@code {"a":{"a":core}}}. */
    static String nestedObjects(int depth, String core) {
        return "{\"a\":".repeat(depth) + core + "}".repeat(depth);
    }

    /** Text and raw bytes, concatenated: the body exactly as it goes on the wire. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes text(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Bytes raw(int... bytes) {
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
