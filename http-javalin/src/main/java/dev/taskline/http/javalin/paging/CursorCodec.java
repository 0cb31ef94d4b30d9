package dev.taskline.http.javalin.paging;

import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.page.Keyset;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque {@code cursor} of list endpoints: a {@link Keyset} as base64url (no padding) of a
 * version byte, the timestamp's epoch seconds and nanoseconds, and the row id. Clients must not
 * look inside; anything that does not decode to a valid position is a 400 on {@code cursor}.
 *
 * <p>The cursor is not signed: it only says where to resume, and every list query is filtered by
 * the authenticated owner anyway, so a forged cursor can only skip within the caller's own rows.
 */
public final class CursorCodec {

    private static final byte VERSION = 1;
    private static final int LENGTH = 1 + Long.BYTES + Integer.BYTES + Long.BYTES;
    /** The base64url length of {@link #LENGTH} bytes; longer input is refused before decoding. */
    private static final int MAX_TEXT_LENGTH = 64;

    private CursorCodec() {
    }

    public static String encode(Keyset keyset) {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH)
                .put(VERSION)
                .putLong(keyset.at().getEpochSecond())
                .putInt(keyset.at().getNano())
                .putLong(keyset.id());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    public static Keyset decode(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_TEXT_LENGTH) {
            throw invalid();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (raw.length != LENGTH) {
            throw invalid();
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        if (bytes.get() != VERSION) {
            throw invalid();
        }
        long seconds = bytes.getLong();
        int nanos = bytes.getInt();
        long id = bytes.getLong();
        if (nanos < 0 || nanos > 999_999_999) {
            throw invalid();
        }
        Instant at;
        try {
            at = Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException outOfRange) {
            throw invalid();
        }
        return new Keyset(at, id); // refuses a non-positive id on "cursor" itself
    }

    private static ValidationFailed invalid() {
        return ValidationFailed.of("cursor", "is not a valid cursor");
    }
}
