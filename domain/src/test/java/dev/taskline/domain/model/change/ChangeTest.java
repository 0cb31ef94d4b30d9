package dev.taskline.domain.model.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void keep_leavesTheCurrentValue() {
        assertThat(Change.<String>keep().applyTo(Optional.of("old"))).contains("old");
        assertThat(Change.<String>keep().applyTo(Optional.empty())).isEmpty();
    }

    @Test
    void clear_emptiesTheField() {
        assertThat(Change.<String>clear().applyTo(Optional.of("old"))).isEmpty();
    }

    @Test
    void set_replacesTheValue_evenWhenNoneWasThere() {
        assertThat(Change.set("new").applyTo(Optional.of("old"))).contains("new");
        assertThat(Change.set("new").applyTo(Optional.empty())).contains("new");
    }

    @Test
    void set_refusesNull_becauseNullMeansClear() {
        assertThatThrownBy(() -> Change.set(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("Change.clear()");
    }

    @Test
    void map_convertsOnlyASetValue() {
        assertThat(Change.set("42").map(Integer::valueOf)).isEqualTo(Change.set(42));
        assertThat(Change.<String>keep().map(Integer::valueOf)).isEqualTo(Change.keep());
        assertThat(Change.<String>clear().map(Integer::valueOf)).isEqualTo(Change.clear());
    }

    @Test
    void isKeep_isTrueOnlyForKeep() {
        assertThat(Change.keep().isKeep()).isTrue();
        assertThat(Change.clear().isKeep()).isFalse();
        assertThat(Change.set(1).isKeep()).isFalse();
    }

    @Test
    void changes_withTheSameMeaning_areEqual() {
        assertThat(Change.keep()).isEqualTo(Change.keep()).isNotEqualTo(Change.clear());
        assertThat(Change.set("a")).isEqualTo(Change.set("a")).isNotEqualTo(Change.set("b"));
    }
}
