package dev.taskline.domain.model.user;

import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.TextRules;
import java.nio.charset.StandardCharsets;

/**
 * A raw password on its way to the {@code PasswordHasher}. Not a record, so that it has no
 * generated {@code toString} or {@code equals} that could print or compare the secret by accident.
 */
public final class Password {

    public static final int MIN_LENGTH = 8;
    /** bcrypt reads only this many bytes; a longer password is refused, never silently truncated. */
    public static final int MAX_UTF8_BYTES = 72;

    private final String value;

    private Password(String value) {
        this.value = value;
    }

    /** A password being chosen: enforces the policy, reporting on {@code field} (e.g. {@code password}). */
    public static Password newPassword(String raw, String field) {
        TextRules.requireStorable(raw, field);
        if (TextRules.codePoints(raw) < MIN_LENGTH) {
            throw ValidationFailed.of(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (utf8Length(raw) > MAX_UTF8_BYTES) {
            throw ValidationFailed.of(field, "must be at most " + MAX_UTF8_BYTES
                    + " bytes in UTF-8 (72 ASCII characters, fewer with accents or emoji): bcrypt ignores anything beyond");
        }
        return new Password(raw);
    }

    /**
     * A password being checked (login, current password): no policy, since rules may have changed
     * since it was chosen and a wrong guess must read like any other wrong guess.
     */
    public static Password attempt(String raw, String field) {
        if (raw == null) {
            throw ValidationFailed.of(field, "is required");
        }
        return new Password(raw);
    }

    public static Password attempt(String raw) {
        return attempt(raw, "password");
    }

    public String value() {
        return value;
    }

    public int utf8Length() {
        return utf8Length(value);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}
