package dev.taskline.persistence.jooq;

import dev.taskline.domain.error.FieldError;
import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.error.Unauthenticated;
import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.change.Change;
import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserName;
import dev.taskline.domain.port.in.AuthenticateCommand;
import dev.taskline.domain.port.in.RegisterUserCommand;
import dev.taskline.domain.port.in.UpdateAccountCommand;
import dev.taskline.domain.service.AccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Locale;

import static dev.taskline.persistence.jooq.TestData.aMessage;
import static dev.taskline.persistence.jooq.TestData.aTask;
import static dev.taskline.persistence.jooq.TestData.uniqueEmail;
import static dev.taskline.persistence.jooq.generated.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link AccountService} on the jOOQ adapter and a real PostgreSQL. */
class AccountServiceIT {
    private static final String PASSWORD = "first password";
    private static final String NEW_PASSWORD = "second password";

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    private final AccountService accounts = db.accounts();

    @Test
    void register_storesTheUser_withTheEmailInLowerCase_andAHashInsteadOfThePassword() {
        String email = uniqueEmail();

        User registered = accounts.register(RegisterUserCommand.of(email.toUpperCase(Locale.ROOT), PASSWORD, "Grace"));

        assertThat(registered.email().value()).isEqualTo(email);
        assertThat(registered.name()).contains(new UserName("Grace"));
        var row = db.dsl().fetchSingle(USERS, USERS.ID.eq(registered.id().value()));
        assertThat(row.getEmail()).isEqualTo(email);
        assertThat(row.getPasswordHash()).doesNotContain(PASSWORD).matches("^\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}$");
        assertThat(accounts.get(registered.id())).isEqualTo(registered);
    }

    @Test
    void authenticate_withTheRightPassword_returnsTheUser_whateverTheEmailsLetterCase() {
        User registered = register();

        User authenticated = accounts.authenticate(AuthenticateCommand.of(registered.email().value().toUpperCase(Locale.ROOT), PASSWORD));

        assertThat(authenticated).isEqualTo(registered);
    }

    @Test
    void authenticate_withAnUnknownEmailOrAWrongPassword_failsAlike_andVerifiesAPasswordEitherWay() {
        User registered = register();
        CountingPasswordHasher hasher = db.hasher();

        int beforeUnknown = hasher.verifications();
        Unauthenticated unknownEmail = catchThrowableOfType(Unauthenticated.class,
                () -> accounts.authenticate(AuthenticateCommand.of(uniqueEmail(), PASSWORD)));
        int afterUnknown = hasher.verifications();
        Unauthenticated wrongPassword = catchThrowableOfType(Unauthenticated.class,
                () -> accounts.authenticate(AuthenticateCommand.of(registered.email().value(), "not the password")));
        int afterWrong = hasher.verifications();
        Unauthenticated malformedEmail = catchThrowableOfType(Unauthenticated.class,
                () -> accounts.authenticate(AuthenticateCommand.of("not an address", PASSWORD)));

        assertThat(unknownEmail).isNotNull();
        assertThat(wrongPassword).isNotNull().hasMessage(unknownEmail.getMessage());
        assertThat(malformedEmail).isNotNull().hasMessage(unknownEmail.getMessage());
        assertThat(afterUnknown - beforeUnknown).as("verifications for an unknown email").isEqualTo(1);
        assertThat(afterWrong - afterUnknown).as("verifications for a wrong password").isEqualTo(1);
        assertThat(hasher.verifications() - afterWrong).as("verifications for a malformed email").isEqualTo(1);
    }

    @Test
    void updateAccount_changesTheName_movesUpdatedAt_andKeepsCreatedAt() {
        User before = register();

        User updated = accounts.update(before.id(), UpdateAccountCommand.of(Change.set("New Name"), Change.keep(), Change.keep()));

        assertThat(updated.name()).contains(new UserName("New Name"));
        assertThat(updated.updatedAt()).isAfter(before.updatedAt());
        assertThat(updated.createdAt()).isEqualTo(before.createdAt());
        assertThat(accounts.get(before.id())).isEqualTo(updated);
    }

    @Test
    void updateAccount_canClearTheName() {
        User before = accounts.register(RegisterUserCommand.of(uniqueEmail(), PASSWORD, "Named"));

        User updated = accounts.update(before.id(), UpdateAccountCommand.of(Change.clear(), Change.keep(), Change.keep()));

        assertThat(updated.name()).isEmpty();
        assertThat(accounts.get(before.id()).name()).isEmpty();
    }

    @Test
    void updateAccount_thatChangesNothing_writesNothing() {
        User before = accounts.register(RegisterUserCommand.of(uniqueEmail(), PASSWORD, "Same"));

        User afterEmpty = accounts.update(before.id(), UpdateAccountCommand.of(Change.keep(), Change.keep(), Change.keep()));
        User afterSameName = accounts.update(before.id(), UpdateAccountCommand.of(Change.set("Same"), Change.keep(), Change.keep()));

        assertThat(afterEmpty).isEqualTo(before);
        assertThat(afterSameName).isEqualTo(before);
        assertThat(accounts.get(before.id()).updatedAt()).isEqualTo(before.updatedAt());
    }

    @Test
    void updateAccount_aNewPasswordWithoutTheCurrentOne_isRefused() {
        User before = register();

        Throwable refused = catchThrowable(() ->
                accounts.update(before.id(), UpdateAccountCommand.of(Change.keep(), Change.set(NEW_PASSWORD), Change.keep())));

        assertThat(refused).isInstanceOf(ValidationFailed.class);
        assertThat(((ValidationFailed) refused).errors()).extracting(FieldError::field).containsExactly("current_password");
        assertThat(accounts.get(before.id())).isEqualTo(before);
        assertThat(accounts.authenticate(AuthenticateCommand.of(before.email().value(), PASSWORD))).isEqualTo(before);
    }

    @Test
    void updateAccount_aNewPasswordWithAWrongCurrentOne_isRefused_andTheOldPasswordStillWorks() {
        User before = register();

        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class, () -> accounts.update(before.id(),
                UpdateAccountCommand.of(Change.keep(), Change.set(NEW_PASSWORD), Change.set("wrong current password"))));

        assertThat(refused).isNotNull();
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("current_password");
        assertThat(accounts.get(before.id())).isEqualTo(before);
        assertThat(accounts.authenticate(AuthenticateCommand.of(before.email().value(), PASSWORD))).isEqualTo(before);
        assertThat(catchThrowable(() -> accounts.authenticate(AuthenticateCommand.of(before.email().value(), NEW_PASSWORD))))
                .isInstanceOf(Unauthenticated.class);
    }

    @Test
    void updateAccount_aNewPasswordWithTheRightCurrentOne_replacesThePassword() {
        User before = register();

        User updated = accounts.update(before.id(),
                UpdateAccountCommand.of(Change.keep(), Change.set(NEW_PASSWORD), Change.set(PASSWORD)));

        assertThat(updated.passwordHash()).isNotEqualTo(before.passwordHash());
        assertThat(updated.updatedAt()).isAfter(before.updatedAt());
        assertThat(accounts.authenticate(AuthenticateCommand.of(before.email().value(), NEW_PASSWORD)).id()).isEqualTo(before.id());
        assertThat(catchThrowable(() -> accounts.authenticate(AuthenticateCommand.of(before.email().value(), PASSWORD))))
                .isInstanceOf(Unauthenticated.class);
    }

    @Test
    void deleteAccount_removesTheUserWithTheirData_andTheAccountCannotBeUsedAnyMore() {
        User doomed = register();
        User bystander = register();
        for (User user : new User[] {doomed, bystander}) {
            db.ports().tasks().insert(user.id(), aTask().build());
            var conversation = db.ports().conversations().insert(user.id());
            db.ports().messages().append(user.id(), conversation.id(), aMessage().build()).orElseThrow();
        }

        accounts.delete(doomed.id());

        assertThat(catchThrowable(() -> accounts.get(doomed.id()))).isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> accounts.authenticate(AuthenticateCommand.of(doomed.email().value(), PASSWORD))))
                .isInstanceOf(Unauthenticated.class);
        assertThat(catchThrowable(() -> accounts.delete(doomed.id()))).isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> accounts.update(doomed.id(),
                UpdateAccountCommand.of(Change.set("ghost"), Change.keep(), Change.keep())))).isInstanceOf(NotFound.class);
        assertThat(db.rowsOwnedBy(doomed.id()).values()).containsOnly(0);
        assertThat(db.rowsOwnedBy(bystander.id()).values()).containsOnly(1);
        assertThat(accounts.get(bystander.id())).isEqualTo(bystander);
    }

    private User register() {
        return accounts.register(RegisterUserCommand.of(uniqueEmail(), PASSWORD, null));
    }
}
