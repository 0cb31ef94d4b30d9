package dev.taskline.domain.port.in;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthenticateCommandTest {

    @Test
    void of_keepsAMalformedEmailRaw_soThatItFailsLikeAnUnknownOne() {
        assertThat(AuthenticateCommand.of("not an email", "x").email()).isEqualTo("not an email");
    }

    @Test
    void of_appliesNoPasswordPolicy() {
        assertThat(AuthenticateCommand.of("a@x.io", "short").password().value()).isEqualTo("short");
    }

    @Test
    void of_missingEmailAndPassword_areBothReported() {
        assertRejectedOn(() -> AuthenticateCommand.of(null, null), "email", "password");
    }
}
