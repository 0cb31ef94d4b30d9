package dev.taskline.http.javalin.security;

import dev.taskline.domain.model.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class KnownAccountsTest {
    private final UserId ada = new UserId(1);
    private final UserId bob = new UserId(2);

    @Test
    void aConfirmedAccount_isKnown_untilForgotten_andOnlyThatOne() {
        var known = new KnownAccounts(Duration.ofMinutes(1));
        known.confirm(ada);

        assertThat(known.isConfirmed(ada)).isTrue();
        assertThat(known.isConfirmed(bob)).isFalse();

        known.forget(ada);
        assertThat(known.isConfirmed(ada)).isFalse();
    }

    @Test
    void aConfirmation_expiresAfterItsTimeToLive() throws InterruptedException {
        var known = new KnownAccounts(Duration.ofMillis(50));
        known.confirm(ada);
        assertThat(known.isConfirmed(ada)).isTrue();

        Thread.sleep(150);
        assertThat(known.isConfirmed(ada)).isFalse();
    }
}
