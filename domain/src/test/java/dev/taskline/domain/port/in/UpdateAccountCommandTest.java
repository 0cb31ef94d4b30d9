package dev.taskline.domain.port.in;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.Text;
import dev.taskline.domain.model.change.Change;
import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.UserName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateAccountCommandTest {

    @Test
    void of_nameOnly_needsNoPassword() {
        var command = UpdateAccountCommand.of(Change.set("Ada"), Change.keep(), Change.keep());

        assertThat(command.name()).isEqualTo(Change.set(new UserName("Ada")));
        assertThat(command.newPassword()).isEmpty();
    }

    @Test
    void of_nullName_clearsIt() {
        assertThat(UpdateAccountCommand.of(Change.clear(), Change.keep(), Change.keep()).name()).isEqualTo(Change.clear());
    }

    @Test
    void of_newPassword_withTheCurrentOne_carriesBoth() {
        var command = UpdateAccountCommand.of(Change.keep(), Change.set("new password"), Change.set("old"));

        assertThat(command.newPassword()).map(Password::value).contains("new password");
        assertThat(command.currentPassword()).map(Password::value).contains("old");
    }

    @Test
    void of_newPassword_withoutTheCurrentOne_isRefusedOnCurrentPassword() {
        assertRejectedSaying(() -> UpdateAccountCommand.of(Change.keep(), Change.set("new password"), Change.keep()),
                "current_password", "required");
        assertRejectedOn(() -> UpdateAccountCommand.of(Change.keep(), Change.set("new password"), Change.clear()),
                "current_password");
    }

    @Test
    void constructor_alsoRefusesANewPasswordWithoutTheCurrentOne() {
        assertRejectedOn(() -> new UpdateAccountCommand(Change.keep(), Optional.of(Password.attempt("x")), Optional.empty()),
                "current_password");
    }

    @Test
    void of_nullPassword_isRefused() {
        assertRejectedSaying(() -> UpdateAccountCommand.of(Change.keep(), Change.clear(), Change.keep()), "password", "must not be null");
    }

    @Test
    void of_reportsEveryBadFieldAtOnce() {
        assertRejectedOn(() -> UpdateAccountCommand.of(Change.set(Text.letters(256)), Change.set("short"), Change.keep()),
                "name", "password", "current_password");
    }

    @Test
    void of_currentPasswordAlone_isAccepted_andChangesNothing() {
        var command = UpdateAccountCommand.of(Change.keep(), Change.keep(), Change.set("whatever"));

        assertThat(command.name().isKeep()).isTrue();
        assertThat(command.newPassword()).isEmpty();
    }
}
