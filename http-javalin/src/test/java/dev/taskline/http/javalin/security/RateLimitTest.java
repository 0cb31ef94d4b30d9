package dev.taskline.http.javalin.security;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    @Test
    void parse_acceptsUnitsAndPeriods() {
        assertThat(RateLimit.parse("10/min")).isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
        assertThat(RateLimit.parse("30/minute")).isEqualTo(new RateLimit(30, Duration.ofMinutes(1)));
        assertThat(RateLimit.parse(" 5 / s ")).isEqualTo(new RateLimit(5, Duration.ofSeconds(1)));
        assertThat(RateLimit.parse("100/h")).isEqualTo(new RateLimit(100, Duration.ofHours(1)));
        assertThat(RateLimit.parse("3/10s")).isEqualTo(new RateLimit(3, Duration.ofSeconds(10)));
        assertThat(RateLimit.parse("20/5m")).isEqualTo(new RateLimit(20, Duration.ofMinutes(5)));
        assertThat(RateLimit.parse("10/PT1M")).isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
        assertThat(RateLimit.parse("10/MIN")).isEqualTo(RateLimit.perMinute(10));
    }

    @Test
    void parse_refusesWhatIsNotARate() {
        for (String bad : new String[] {"10", "/min", "ten/min", "10/fortnight", "0/min", "-1/min", "10/0s", "10/2d", "2000000/s",
                "10/min/s"}) {
            assertThatThrownBy(() -> RateLimit.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void interval_isThePeriodSharedOut() {
        assertThat(RateLimit.perMinute(10).interval()).isEqualTo(Duration.ofSeconds(6));
        assertThat(RateLimit.perMinute(30).interval()).isEqualTo(Duration.ofSeconds(2));
    }
}
