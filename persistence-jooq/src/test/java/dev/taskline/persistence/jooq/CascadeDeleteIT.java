package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static dev.taskline.persistence.jooq.TestData.aMessage;
import static dev.taskline.persistence.jooq.TestData.aTask;
import static dev.taskline.persistence.jooq.generated.Tables.CONVERSATIONS;
import static dev.taskline.persistence.jooq.generated.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

/** Deletes take what they own with them, counted in the tables themselves, not through the adapter. */
class CascadeDeleteIT {

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @Test
    void deletingAUser_removesTheirTasksConversationsAndMessages_andNoOneElses() {
        UserId doomed = userWithData(3, 2, 4);
        UserId bystander = userWithData(2, 3, 1);
        assertThat(db.rowsOwnedBy(doomed)).isEqualTo(Map.of("users", 1, "tasks", 3, "conversations", 2, "messages", 8));
        Map<String, Integer> bystanderBefore = db.rowsOwnedBy(bystander);

        assertThat(db.ports().users().delete(doomed)).isTrue();

        assertThat(db.rowsOwnedBy(doomed)).isEqualTo(Map.of("users", 0, "tasks", 0, "conversations", 0, "messages", 0));
        assertThat(db.rowsOwnedBy(bystander)).isEqualTo(bystanderBefore).containsEntry("messages", 3);
    }

    @Test
    void deletingAConversation_removesItsMessages_andNoOtherConversations() {
        UserId owner = db.newUser();
        Conversation doomed = conversationWithMessages(owner, 5);
        Conversation kept = conversationWithMessages(owner, 2);
        assertThat(messagesIn(doomed)).isEqualTo(5);

        assertThat(db.ports().conversations().delete(owner, doomed.id())).isTrue();

        assertThat(messagesIn(doomed)).isZero();
        assertThat(messagesIn(kept)).isEqualTo(2);
        assertThat(db.dsl().fetchCount(CONVERSATIONS, CONVERSATIONS.USER_ID.eq(owner.value()))).isEqualTo(1);
    }

    private UserId userWithData(int tasks, int conversations, int messagesEach) {
        UserId owner = db.newUser();
        for (int n = 0; n < tasks; n++) {
            db.ports().tasks().insert(owner, aTask().build());
        }
        for (int n = 0; n < conversations; n++) {
            conversationWithMessages(owner, messagesEach);
        }
        return owner;
    }

    private Conversation conversationWithMessages(UserId owner, int messages) {
        Conversation conversation = db.ports().conversations().insert(owner);
        for (int n = 0; n < messages; n++) {
            db.ports().messages().append(owner, conversation.id(), aMessage().saying("message " + n).build()).orElseThrow();
        }
        return conversation;
    }

    private static int messagesIn(Conversation conversation) {
        return db.dsl().fetchCount(MESSAGES, MESSAGES.CONVERSATION_ID.eq(conversation.id().value()));
    }
}
