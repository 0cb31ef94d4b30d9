package dev.taskline.domain.port.in;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.Text;
import dev.taskline.domain.model.user.Email;
import dev.taskline.domain.model.user.UserName;
import org.junit.jupiter.api.Test;

class RegisterUserCommandTest {

    @Test
    void of_normalizesTheEmail_andKeepsTheNameAsSent() {
        var command = RegisterUserCommand.of("Ada@Example.IO", "long enough", " Ada ");

        assertThat(command.email()).isEqualTo(Email.of("ada@example.io"));
        assertThat(command.password().value()).isEqualTo("long enough");
        assertThat(command.name()).contains(new UserName(" Ada "));
    }

    @Test
    void of_withoutName_hasNone() {
        assertThat(RegisterUserCommand.of("a@x.io", "long enough", null).name()).isEmpty();
    }

    @Test
    void of_reportsEveryBadFieldAtOnce() {
        assertRejectedOn(() -> RegisterUserCommand.of("not-an-email", "short", Text.letters(256)), "email", "password", "name");
        assertRejectedOn(() -> RegisterUserCommand.of(null, null, null), "email", "password");
    }

    @Test
    void toString_neverShowsThePassword() {
        assertThat(RegisterUserCommand.of("a@x.io", "hunter2hunter2", null).toString()).doesNotContain("hunter2");
    }
}
