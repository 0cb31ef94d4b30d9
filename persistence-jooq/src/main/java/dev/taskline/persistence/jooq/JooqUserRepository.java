package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.user.Email;
import dev.taskline.domain.model.user.NewUser;
import dev.taskline.domain.model.user.PasswordHash;
import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.model.user.UserName;
import dev.taskline.domain.model.user.UserUpdate;
import dev.taskline.domain.port.out.UserRepository;
import dev.taskline.persistence.jooq.generated.tables.records.UsersRecord;
import org.jooq.DSLContext;

import java.util.Optional;

import static dev.taskline.persistence.jooq.generated.Tables.USERS;
import static org.jooq.impl.DSL.lower;

final class JooqUserRepository implements UserRepository {
    private final DSLContext dsl;

    JooqUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public User insert(NewUser user) {
        // A taken email fails on the unique lower(email) index: DatabaseErrors makes it a Conflict.
        return toDomain(dsl.insertInto(USERS)
                .set(USERS.EMAIL, user.email().value())
                .set(USERS.NAME, user.name().map(UserName::value).orElse(null))
                .set(USERS.PASSWORD_HASH, user.passwordHash().value())
                .returning()
                .fetchSingle());
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return dsl.selectFrom(USERS)
                .where(lower(USERS.EMAIL).eq(email.value())) // the expression of the unique index
                .fetchOptional()
                .map(JooqUserRepository::toDomain);
    }

    @Override
    public Optional<User> find(UserId id) {
        return dsl.selectFrom(USERS)
                .where(USERS.ID.eq(id.value()))
                .fetchOptional()
                .map(JooqUserRepository::toDomain);
    }

    @Override
    public Optional<User> update(UserId id, UserUpdate update) {
        return dsl.update(USERS)
                .set(USERS.NAME, update.name().map(UserName::value).orElse(null))
                .set(USERS.PASSWORD_HASH, update.passwordHash().value())
                .where(USERS.ID.eq(id.value()))
                .returning()
                .fetchOptional()
                .map(JooqUserRepository::toDomain);
    }

    @Override
    public boolean delete(UserId id) {
        // Tasks, conversations and messages go with the user: ON DELETE CASCADE.
        return dsl.deleteFrom(USERS).where(USERS.ID.eq(id.value())).execute() == 1;
    }

    private static User toDomain(UsersRecord row) {
        return new User(
                new UserId(row.getId()),
                Email.of(row.getEmail()),
                Optional.ofNullable(row.getName()).map(UserName::new),
                new PasswordHash(row.getPasswordHash()),
                row.getCreatedAt(),
                row.getUpdatedAt());
    }
}
