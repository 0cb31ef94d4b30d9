package dev.taskline.domain.model.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageTest {

    private static Keyset positionOf(Integer row) {
        return new Keyset(Instant.EPOCH.plusSeconds(row), row);
    }

    @Test
    void items_areAnImmutableCopy() {
        var rows = new ArrayList<>(List.of(1, 2));
        var page = new Page<>(rows, Optional.empty());
        rows.add(3);

        assertThat(page.items()).containsExactly(1, 2);
        assertThatThrownBy(() -> page.items().add(4)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fromLookahead_withTheExtraRow_dropsIt_andContinuesAfterTheLastKeptRow() {
        var page = Page.fromLookahead(List.of(1, 2, 3), PageRequest.first(2), PageTest::positionOf);

        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.next()).contains(positionOf(2));
    }

    @Test
    void fromLookahead_aFullPageWithNothingBehind_hasNoNext() {
        var page = Page.fromLookahead(List.of(1, 2), PageRequest.first(2), PageTest::positionOf);

        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void fromLookahead_noRows_isEmpty() {
        assertThat(Page.fromLookahead(List.<Integer>of(), PageRequest.first(2), PageTest::positionOf)).isEqualTo(Page.empty());
    }

    @Test
    void map_convertsItems_andKeepsTheNextPosition() {
        var page = new Page<>(List.of(1, 2), Optional.of(positionOf(2)));

        assertThat(page.map(String::valueOf)).isEqualTo(new Page<>(List.of("1", "2"), Optional.of(positionOf(2))));
    }
}
