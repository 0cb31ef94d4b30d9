package dev.taskline.domain.service;

import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.error.Unauthenticated;
import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.user.Email;
import dev.taskline.domain.model.user.NewUser;
import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.PasswordHash;
import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.model.user.UserUpdate;
import dev.taskline.domain.port.in.AuthenticateCommand;
import dev.taskline.domain.port.in.AuthenticateUseCase;
import dev.taskline.domain.port.in.DeleteAccountUseCase;
import dev.taskline.domain.port.in.GetAccountUseCase;
import dev.taskline.domain.port.in.RegisterUserCommand;
import dev.taskline.domain.port.in.RegisterUserUseCase;
import dev.taskline.domain.port.in.UpdateAccountCommand;
import dev.taskline.domain.port.in.UpdateAccountUseCase;
import dev.taskline.domain.port.out.PasswordHasher;
import dev.taskline.domain.port.out.TransactionRunner;
import dev.taskline.domain.port.out.UserRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * Registration, login and the account itself. Password hashing is deliberately slow, so it always
 * runs outside a transaction: no database connection sits idle while bcrypt works.
 */
public final class AccountService
        implements RegisterUserUseCase, AuthenticateUseCase, GetAccountUseCase, UpdateAccountUseCase, DeleteAccountUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TransactionRunner transactions;
    /** Checked when no account matches, so that such a login costs what a wrong password costs. */
    private final PasswordHash dummyHash;

    public AccountService(UserRepository users, PasswordHasher hasher, TransactionRunner transactions) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dummyHash = hasher.hash(Password.attempt("no account has this password: it only evens out login timing"));
    }

    @Override
    public User register(RegisterUserCommand command) {
        PasswordHash hash = hasher.hash(command.password());
        return users.insert(new NewUser(command.email(), command.name(), hash));
    }

    @Override
    public User authenticate(AuthenticateCommand command) {
        Optional<User> user = parseEmail(command.email())
                .flatMap(users::findByEmail);
        boolean matches = hasher.matches(command.password(), user.map(User::passwordHash).orElse(dummyHash));
        if (user.isEmpty() || !matches) {
            throw Unauthenticated.badCredentials();
        }
        return user.get();
    }

    @Override
    public User get(UserId user) {
        return users.find(user).orElseThrow(NotFound::account);
    }

    @Override
    public User update(UserId user, UpdateAccountCommand command) {
        Optional<VerifiedPasswordChange> passwordChange = command.newPassword()
                .map(newPassword -> verify(user, command.currentPassword().orElseThrow(), newPassword));
        return transactions.inTransaction(() -> {
            User current = users.find(user).orElseThrow(NotFound::account);
            PasswordHash hash = current.passwordHash();
            if (passwordChange.isPresent()) {
                // Verified in an earlier transaction: if the password changed since, the one checked is no longer current.
                if (!passwordChange.get().verifiedAgainst().equals(current.passwordHash())) {
                    throw wrongCurrentPassword();
                }
                hash = passwordChange.get().newHash();
            }
            UserUpdate update = new UserUpdate(command.name().applyTo(current.name()), hash);
            if (update.equals(current.writableState())) {
                return current;
            }
            return users.update(user, update).orElseThrow(NotFound::account);
        });
    }

    @Override
    public void delete(UserId user) {
        if (!users.delete(user)) {
            throw NotFound.account();
        }
    }

    private VerifiedPasswordChange verify(UserId user, Password currentPassword, Password newPassword) {
        PasswordHash stored = get(user).passwordHash();
        if (!hasher.matches(currentPassword, stored)) {
            throw wrongCurrentPassword();
        }
        return new VerifiedPasswordChange(stored, hasher.hash(newPassword));
    }

    private static ValidationFailed wrongCurrentPassword() {
        return ValidationFailed.of("current_password", "is incorrect");
    }

    private static Optional<Email> parseEmail(String raw) {
        try {
            return Optional.of(Email.of(raw));
        } catch (ValidationFailed malformed) {
            return Optional.empty();
        }
    }

    private record VerifiedPasswordChange(PasswordHash verifiedAgainst, PasswordHash newHash) {
    }
}
