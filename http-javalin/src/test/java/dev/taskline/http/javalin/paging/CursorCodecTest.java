package dev.taskline.http.javalin.paging;

import dev.taskline.domain.error.FieldError;
import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    @Test
    void keyset_roundTrips_toTheNanosecond() {
        Keyset keyset = new Keyset(Instant.parse("2026-11-22T10:15:30.123456789Z"), 9_007_199_254_740_993L);

        String cursor = CursorCodec.encode(keyset);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(CursorCodec.decode(cursor)).isEqualTo(keyset);
    }

    @Test
    void keysetBeforeTheEpoch_roundTrips() {
        Keyset keyset = new Keyset(Instant.parse("1969-12-31T23:59:59.999999Z"), 1);
        assertThat(CursorCodec.decode(CursorCodec.encode(keyset))).isEqualTo(keyset);
    }

    @Test
    void garbage_failsOnTheCursorField() {
        String wrongVersion = base64(ByteBuffer.allocate(21).put((byte) 2).putLong(0).putInt(0).putLong(1));
        String zeroId = base64(ByteBuffer.allocate(21).put((byte) 1).putLong(0).putInt(0).putLong(0));
        String badNanos = base64(ByteBuffer.allocate(21).put((byte) 1).putLong(0).putInt(1_000_000_000).putLong(1));
        String hugeSeconds = base64(ByteBuffer.allocate(21).put((byte) 1).putLong(Long.MAX_VALUE).putInt(0).putLong(1));
        String tooShort = base64(ByteBuffer.allocate(20).put((byte) 1));
        String valid = CursorCodec.encode(new Keyset(Instant.EPOCH, 1));

        for (String garbage : List.of("", "!!!", "abc", "null", "a b", valid + "A", valid + "==x", wrongVersion, zeroId, badNanos,
                hugeSeconds, tooShort, "A".repeat(10_000))) {
            assertThatThrownBy(() -> CursorCodec.decode(garbage)).as(garbage)
                    .isInstanceOfSatisfying(ValidationFailed.class, failure ->
                            assertThat(failure.errors()).extracting(FieldError::field).containsExactly("cursor"));
        }
    }

    @Test
    void pageResponse_encodesTheNextPosition_orNull() {
        Keyset next = new Keyset(Instant.parse("2026-11-22T10:15:30Z"), 3);

        PageResponse<String> more = PageResponse.from(new Page<>(List.of(1, 2), Optional.of(next)), String::valueOf);
        PageResponse<String> last = PageResponse.from(new Page<>(List.of(1), Optional.empty()), String::valueOf);

        assertThat(more.items()).containsExactly("1", "2");
        assertThat(CursorCodec.decode(more.nextCursor())).isEqualTo(next);
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void pageQuery_defaultsTheLimit_andReportsLimitAndCursorTogether() {
        assertThat(PageQuery.of(null, null)).isEqualTo(PageRequest.first(PageRequest.DEFAULT_LIMIT));
        assertThat(PageQuery.of("100", null).limit()).isEqualTo(100);
        assertThat(PageQuery.of("1", CursorCodec.encode(new Keyset(Instant.EPOCH, 4))).after()).contains(new Keyset(Instant.EPOCH, 4));

        assertThatThrownBy(() -> PageQuery.of("abc", "%%%"))
                .isInstanceOfSatisfying(ValidationFailed.class, failure ->
                        assertThat(failure.errors()).extracting(FieldError::field).containsExactly("limit", "cursor"));
        for (String limit : List.of("0", "101", "-1", "", " 5", "1e2", "99999999999", "+5")) {
            assertThatThrownBy(() -> PageQuery.of(limit, null)).as(limit)
                    .isInstanceOfSatisfying(ValidationFailed.class, failure ->
                            assertThat(failure.errors()).extracting(FieldError::field).containsExactly("limit"));
        }
    }

    private static String base64(ByteBuffer bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
