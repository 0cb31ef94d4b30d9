package dev.taskline.domain.port.in;

import dev.taskline.domain.model.user.UserId;

/** Deletes the account with its tasks, conversations and messages. */
public interface DeleteAccountUseCase {

    void delete(UserId user);
}
