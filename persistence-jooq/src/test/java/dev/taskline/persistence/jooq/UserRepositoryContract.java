package dev.taskline.persistence.jooq;

import dev.taskline.domain.error.Conflict;
import dev.taskline.domain.model.user.Email;
import dev.taskline.domain.model.user.NewUser;
import dev.taskline.domain.model.user.PasswordHash;
import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.model.user.UserName;
import dev.taskline.domain.model.user.UserUpdate;
import dev.taskline.domain.port.out.UserRepository;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.taskline.persistence.jooq.TestData.aUser;
import static dev.taskline.persistence.jooq.TestData.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link UserRepository} must do; an implementation's test extends this class. */
abstract class UserRepositoryContract {

    protected abstract PersistencePorts ports();

    private UserRepository users() {
        return ports().users();
    }

    @Test
    void insert_returnsTheStoredUser_withAnIdAndEqualTimestamps() {
        NewUser newUser = aUser().named("Ada Lovelace").build();

        User inserted = users().insert(newUser);

        assertThat(inserted.id().value()).isPositive();
        assertThat(inserted.email()).isEqualTo(newUser.email());
        assertThat(inserted.name()).contains(new UserName("Ada Lovelace"));
        assertThat(inserted.passwordHash()).isEqualTo(newUser.passwordHash());
        assertThat(inserted.updatedAt()).isEqualTo(inserted.createdAt());
        assertThat(users().find(inserted.id())).contains(inserted);
    }

    @Test
    void insert_withoutAName_storesNoName() {
        User inserted = users().insert(aUser().build());

        assertThat(inserted.name()).isEmpty();
        assertThat(users().find(inserted.id()).orElseThrow().name()).isEmpty();
    }

    @Test
    void insert_givesEveryUserTheirOwnId() {
        User first = users().insert(aUser().build());
        User second = users().insert(aUser().build());

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(users().find(first.id()).orElseThrow().email()).isEqualTo(first.email());
        assertThat(users().find(second.id()).orElseThrow().email()).isEqualTo(second.email());
    }

    @Test
    void insert_ofAnEmailTakenInAnotherLetterCase_throwsConflict_andKeepsTheFirstUser() {
        String email = uniqueEmail();
        User first = users().insert(aUser().withEmail(email).build());

        assertThatThrownBy(() -> users().insert(aUser().withEmail(email.toUpperCase()).named("Intruder").build()))
                .isInstanceOf(Conflict.class);
        assertThat(users().findByEmail(Email.of(email))).contains(first);
    }

    @Test
    void findByEmail_findsTheUser_whicheverLetterCaseIsAsked() {
        String email = uniqueEmail();
        User inserted = users().insert(aUser().withEmail(email).build());

        assertThat(users().findByEmail(Email.of(email.toUpperCase()))).contains(inserted);
        assertThat(users().findByEmail(Email.of(email))).contains(inserted);
    }

    @Test
    void findByEmail_ofAnUnknownEmail_returnsEmpty() {
        users().insert(aUser().build());

        assertThat(users().findByEmail(Email.of(uniqueEmail()))).isEmpty();
    }

    @Test
    void find_ofAnUnknownId_returnsEmpty() {
        User inserted = users().insert(aUser().build());

        assertThat(users().find(new UserId(inserted.id().value() + 1_000_000))).isEmpty();
    }

    @Test
    void update_replacesNameAndHash_movesUpdatedAt_andKeepsCreatedAt() {
        User before = users().insert(aUser().named("Old name").build());
        PasswordHash newHash = aUser().withPassword("another password entirely").build().passwordHash();

        User updated = users().update(before.id(), new UserUpdate(Optional.of(new UserName("New name")), newHash)).orElseThrow();

        assertThat(updated.name()).contains(new UserName("New name"));
        assertThat(updated.passwordHash()).isEqualTo(newHash);
        assertThat(updated.email()).isEqualTo(before.email());
        assertThat(updated.createdAt()).isEqualTo(before.createdAt());
        assertThat(updated.updatedAt()).isAfter(before.updatedAt());
        assertThat(users().find(before.id())).contains(updated);
    }

    @Test
    void update_canClearTheName() {
        User before = users().insert(aUser().named("Temporary").build());

        User updated = users().update(before.id(), new UserUpdate(Optional.empty(), before.passwordHash())).orElseThrow();

        assertThat(updated.name()).isEmpty();
        assertThat(users().find(before.id()).orElseThrow().name()).isEmpty();
    }

    @Test
    void update_movesUpdatedAtOnEveryWrite() {
        User inserted = users().insert(aUser().build());

        User first = users().update(inserted.id(), inserted.writableState()).orElseThrow();
        User second = users().update(inserted.id(), inserted.writableState()).orElseThrow();

        assertThat(first.updatedAt()).isAfter(inserted.updatedAt());
        assertThat(second.updatedAt()).isAfter(first.updatedAt());
        assertThat(second.createdAt()).isEqualTo(inserted.createdAt());
    }

    @Test
    void update_ofAnUnknownUser_returnsEmpty() {
        User inserted = users().insert(aUser().build());
        UserId unknown = new UserId(inserted.id().value() + 1_000_000);

        assertThat(users().update(unknown, inserted.writableState())).isEmpty();
        assertThat(users().find(inserted.id())).contains(inserted);
    }

    @Test
    void delete_removesTheUser_andThenReportsThatThereWasNone() {
        User inserted = users().insert(aUser().build());
        User bystander = users().insert(aUser().build());

        assertThat(users().delete(inserted.id())).isTrue();
        assertThat(users().find(inserted.id())).isEmpty();
        assertThat(users().findByEmail(inserted.email())).isEmpty();
        assertThat(users().delete(inserted.id())).isFalse();
        assertThat(users().find(bystander.id())).contains(bystander);
    }

    @Test
    void delete_freesTheEmailForANewAccount() {
        String email = uniqueEmail();
        User first = users().insert(aUser().withEmail(email).build());
        users().delete(first.id());

        User second = users().insert(aUser().withEmail(email).build());

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(users().findByEmail(Email.of(email))).contains(second);
    }
}
