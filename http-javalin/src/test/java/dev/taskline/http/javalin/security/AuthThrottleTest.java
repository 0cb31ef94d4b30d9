package dev.taskline.http.javalin.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthThrottleTest {

    @Test
    void accountKey_isTheLowerCasedEmail() {
        assertThat(AuthThrottle.accountKey("Alice@Example.COM")).isEqualTo("alice@example.com");
    }

    @Test
    void accountKey_ofAHugeEmail_isCut_soThatBodiesCannotBloatTheTable() {
        String huge = "A".repeat(1_000_000) + "@example.com";

        assertThat(AuthThrottle.accountKey(huge)).hasSize(AuthThrottle.MAX_ACCOUNT_KEY_LENGTH).isEqualTo("a".repeat(255));
    }
}
