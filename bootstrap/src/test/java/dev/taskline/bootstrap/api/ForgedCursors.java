package dev.taskline.bootstrap.api;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Cursors a client could make up by imitating the server's (documented, unsigned) format: a
 * version byte, epoch seconds, nanoseconds and a row id, base64url. Whatever they say, the answer
 * must be a page or a 400, never a server error. Should the format change, they become plain
 * garbage, which must be a 400 as well.
 */
public final class ForgedCursors {
    private ForgedCursors() {
    }

    public static String of(int version, long epochSeconds, int nanos, long id) {
        ByteBuffer bytes = ByteBuffer.allocate(1 + Long.BYTES + Integer.BYTES + Long.BYTES)
                .put((byte) version).putLong(epochSeconds).putInt(nanos).putLong(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** Positions no server ever handed out: beyond what PostgreSQL can store, impossible ids and fractions, an unknown version. */
    public static List<String> absurd() {
        return List.of(
                of(1, Instant.MAX.getEpochSecond(), 999_999_999, 1),
                of(1, Instant.MIN.getEpochSecond(), 0, 1),
                of(1, 253_402_300_800L, 0, 1), // 10000-01-01
                of(1, -62_167_219_200L, 0, 1), // 0000-01-01
                of(1, 0, 0, Long.MAX_VALUE),
                of(1, 1_800_000_000L, 0, 0),
                of(1, 1_800_000_000L, 0, -1),
                of(1, 1_800_000_000L, -1, 1),
                of(1, 1_800_000_000L, 1_000_000_000, 1),
                of(2, 1_800_000_000L, 0, 1),
                of(0, 0, 0, 0));
    }
}
