package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.out.ConversationRepository;
import dev.taskline.domain.port.out.MessageRepository;
import dev.taskline.domain.port.out.TaskRepository;
import dev.taskline.domain.port.out.TransactionRunner;
import dev.taskline.domain.port.out.UserRepository;

import static dev.taskline.persistence.jooq.TestData.aUser;

/**
 * The driven ports a repository contract test works through: domain types only, so that a
 * contract could run against any implementation of them.
 */
record PersistencePorts(UserRepository users, TaskRepository tasks, ConversationRepository conversations,
                        MessageRepository messages, TransactionRunner transactions) {

    /** A new user with a unique email, to own the rows of one test. */
    UserId newOwner() {
        return users.insert(aUser().build()).id();
    }
}
