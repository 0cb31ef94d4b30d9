package dev.taskline.http.javalin.task;

import dev.taskline.domain.error.FieldError;
import dev.taskline.domain.error.ValidationFailed;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagsTest {

    @Test
    void etag_isTheVersionStronglyQuoted() {
        assertThat(EntityTags.of(7)).isEqualTo("\"7\"");
        assertThat(EntityTags.expectedVersion(EntityTags.of(7))).hasValue(7);
    }

    @Test
    void absentOrAny_expectsNothing() {
        assertThat(EntityTags.expectedVersion(null)).isEmpty();
        assertThat(EntityTags.expectedVersion("")).isEmpty();
        assertThat(EntityTags.expectedVersion(" * ")).isEmpty();
    }

    @Test
    void strongAndWeakTags_nameTheirVersion() {
        assertThat(EntityTags.expectedVersion("\"3\"")).hasValue(3);
        assertThat(EntityTags.expectedVersion("W/\"3\"")).hasValue(3);
        assertThat(EntityTags.expectedVersion("  \"0\"  ")).hasValue(0);
        assertThat(EntityTags.expectedVersion("\"abc\", \"3\"")).hasValue(3);
        assertThat(EntityTags.expectedVersion("\"3\", W/\"3\"")).hasValue(3);
    }

    @Test
    void wellFormedTagsThatAreNotOurs_expectAVersionNoTaskHas() {
        for (String header : List.of("\"abc\"", "\"\"", "\"-1\"", "\"99999999999999999999\"", "\"1.0\"", "\"x\", W/\"y\"")) {
            assertThat(EntityTags.expectedVersion(header)).as(header).isEqualTo(OptionalLong.of(EntityTags.NO_VERSION));
        }
    }

    @Test
    void malformedHeaders_failOnIfMatch() {
        for (String header : List.of("3", "\"3", "3\"", "W/3", "\"3\" \"4\"", "*, \"3\"", ",", "\"a b\"", "w/\"3\"")) {
            assertThatThrownBy(() -> EntityTags.expectedVersion(header)).as(header)
                    .isInstanceOfSatisfying(ValidationFailed.class, failure ->
                            assertThat(failure.errors()).extracting(FieldError::field).containsExactly("If-Match"));
        }
    }

    @Test
    void severalVersions_areRefused_sinceOnlyOneCanBeChecked() {
        assertThatThrownBy(() -> EntityTags.expectedVersion("\"3\", \"4\"")).isInstanceOf(ValidationFailed.class);
    }
}
