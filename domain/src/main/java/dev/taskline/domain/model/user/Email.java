package dev.taskline.domain.model.user;

import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.TextRules;
import java.util.Locale;

/**
 * An email address in lower case: {@code A@X.io} and {@code a@x.io} are one account. The check is
 * pragmatic, not RFC 5322: one {@code @}, a non-empty local part, a domain with a dot inside,
 * and no whitespace or control character.
 */
public record Email(String value) {

    public static final int MAX_LENGTH = 255;
    private static final String FIELD = "email";

    public Email {
        if (value != null && value.isBlank()) {
            throw ValidationFailed.of(FIELD, "must not be blank");
        }
        TextRules.requireStorable(value, FIELD);
        value = value.toLowerCase(Locale.ROOT);
        // Measured after lower-casing: that is the form stored, and a few letters grow when lowered.
        if (TextRules.codePoints(value) > MAX_LENGTH) {
            throw ValidationFailed.of(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        if (!looksLikeAnAddress(value)) {
            throw ValidationFailed.of(FIELD, "must be a valid email address");
        }
    }

    public static Email of(String raw) {
        return new Email(raw);
    }

    private static boolean looksLikeAnAddress(String address) {
        if (address.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c))) {
            return false;
        }
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@')) {
            return false;
        }
        String domain = address.substring(at + 1);
        int dot = domain.indexOf('.');
        return dot > 0 && !domain.endsWith(".") && !domain.contains("..");
    }
}
