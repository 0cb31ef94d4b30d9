package dev.taskline.domain.port.out;

import dev.taskline.domain.model.user.Email;
import dev.taskline.domain.model.user.NewUser;
import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.model.user.UserUpdate;
import java.util.Optional;

public interface UserRepository {

    /** @throws dev.taskline.domain.error.Conflict when the email is taken, in any letter case */
    @Unscoped("registration creates the owner: there is no user yet")
    User insert(NewUser user);

    @Unscoped("login identifies the user by email before anyone is authenticated")
    Optional<User> findByEmail(Email email);

    Optional<User> find(UserId id);

    /** Replaces the writable state; empty when the user no longer exists. */
    Optional<User> update(UserId id, UserUpdate update);

    /** Deletes the user and, by cascade, everything the user owns; false when there was no such user. */
    boolean delete(UserId id);
}
