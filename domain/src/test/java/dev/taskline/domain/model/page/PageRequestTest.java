package dev.taskline.domain.model.page;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 100})
    void limit_from1To100_isAccepted(int limit) {
        assertThat(PageRequest.first(limit).limit()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE})
    void limit_outside1To100_isRefusedOnLimit(int limit) {
        assertRejectedSaying(() -> PageRequest.first(limit), "limit", "between 1 and 100");
        assertRejectedOn(() -> PageRequest.of(limit, null), "limit");
    }

    @Test
    void of_withoutLimitOrCursor_isTheFirstPageOf50() {
        var request = PageRequest.of(null, null);

        assertThat(request.limit()).isEqualTo(PageRequest.DEFAULT_LIMIT).isEqualTo(50);
        assertThat(request.after()).isEmpty();
    }

    @Test
    void of_withACursor_continuesAfterIt() {
        var after = new Keyset(Instant.parse("2026-11-22T10:15:30.123456Z"), 9);

        assertThat(PageRequest.of(10, after)).isEqualTo(new PageRequest(10, Optional.of(after)));
    }

    @Test
    void fetchSize_isOneMoreThanTheLimit() {
        assertThat(PageRequest.first(PageRequest.MAX_LIMIT).fetchSize()).isEqualTo(101);
    }

    @Test
    void keyset_needsATimestampWithinYears1To9999AndAPositiveId_elseTheCursorIsInvalid() {
        assertRejectedOn(() -> new Keyset(null, 1), "cursor");
        assertRejectedOn(() -> new Keyset(Instant.EPOCH, 0), "cursor");
        assertRejectedOn(() -> new Keyset(Instant.MAX, 1), "cursor");
        assertRejectedOn(() -> new Keyset(Instant.MIN, 1), "cursor");
        assertRejectedOn(() -> new Keyset(Instant.parse("0000-12-31T23:59:59.999999Z"), 1), "cursor");
        assertRejectedOn(() -> new Keyset(Instant.parse("+10000-01-01T00:00:00Z"), 1), "cursor");
        assertThat(new Keyset(Instant.parse("0001-01-01T00:00:00Z"), 1).at().toString()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(new Keyset(Instant.parse("9999-12-31T23:59:59.999999Z"), 1).at().toString()).isEqualTo("9999-12-31T23:59:59.999999Z");
    }
}
