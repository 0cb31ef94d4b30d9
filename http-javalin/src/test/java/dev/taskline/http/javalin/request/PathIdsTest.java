package dev.taskline.http.javalin.request;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathIdsTest {

    @Test
    void positiveDecimal_isAnId() {
        assertThat(PathIds.parse("1")).hasValue(1);
        assertThat(PathIds.parse("007")).hasValue(7);
        assertThat(PathIds.parse(Long.toString(Long.MAX_VALUE))).hasValue(Long.MAX_VALUE);
    }

    @Test
    void anythingElse_isNoId() {
        for (String raw : List.of("", "0", "-1", "+1", "abc", "1a", " 1", "1.0", "9223372036854775808", "99999999999999999999",
                "١٢٣")) {
            assertThat(PathIds.parse(raw)).as(raw).isEmpty();
        }
        assertThat(PathIds.parse(null)).isEmpty();
    }
}
