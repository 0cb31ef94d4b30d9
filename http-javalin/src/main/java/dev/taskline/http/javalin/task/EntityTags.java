package dev.taskline.http.javalin.task;

import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.http.javalin.request.AsciiDigits;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A task's entity tag is its version, strongly quoted: {@code "7"}. {@code If-Match} is read into
 * the version the client expects (RFC 9110 §13.1.1):
 *
 * <ul>
 *   <li>absent or {@code *}: no expectation;</li>
 *   <li>{@code "7"} or {@code W/"7"}: version 7 (a weak tag is accepted as if strong, as clients
 *       that add {@code W/} mean the same version);</li>
 *   <li>well-formed tags none of which is one of ours ({@code "abc"}): {@link #NO_VERSION}, which
 *       no task ever has, so the update answers 412 (or 404 if the task does not exist);</li>
 *   <li>a malformed header, or tags naming several versions: 400 on {@code If-Match}.</li>
 * </ul>
 */
public final class EntityTags {

    /** Versions are never negative, so this expectation never holds. */
    public static final long NO_VERSION = -1;
    static final String FIELD = "If-Match";

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return OptionalLong.empty();
        }
        if (ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        List<String> tags = opaqueTags(ifMatch);
        OptionalLong version = OptionalLong.empty();
        for (String tag : tags) {
            OptionalLong ours = versionOf(tag);
            if (ours.isPresent()) {
                if (version.isPresent() && version.getAsLong() != ours.getAsLong()) {
                    throw ValidationFailed.of(FIELD, "must name a single version");
                }
                version = ours;
            }
        }
        return version.isPresent() ? version : OptionalLong.of(NO_VERSION);
    }

    /** The contents of each entity tag in a comma-separated list; 400 when the syntax is wrong. */
    private static List<String> opaqueTags(String header) {
        List<String> tags = new ArrayList<>();
        int i = 0;
        int length = header.length();
        while (i < length) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (header.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= length || header.charAt(i) != '"') {
                throw malformed();
            }
            int close = header.indexOf('"', i + 1);
            if (close < 0) {
                throw malformed();
            }
            String tag = header.substring(i + 1, close);
            if (!etagChars(tag)) {
                throw malformed();
            }
            tags.add(tag);
            i = close + 1;
            while (i < length && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            if (i < length && header.charAt(i) != ',') {
                throw malformed();
            }
        }
        if (tags.isEmpty()) {
            throw malformed();
        }
        return tags;
    }

    private static OptionalLong versionOf(String tag) {
        if (!AsciiDigits.only(tag, 19)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException overflow) {
            return OptionalLong.empty();
        }
    }

    private static boolean etagChars(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            if (!isEtagChar(tag.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9110 etagc: %x21 / %x23-7E / obs-text. */
    private static boolean isEtagChar(int c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    private static ValidationFailed malformed() {
        return ValidationFailed.of(FIELD, "must be * or a list of entity tags such as \"3\"");
    }
}
