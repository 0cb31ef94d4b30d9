package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.taskline.persistence.jooq.TestData.aMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Messages are read oldest first by (created_at, id). If a transaction that began earlier could
 * commit a message stamped earlier than one already committed, a reader paging forward would skip
 * it. Appends to one conversation are serialised on its row and stamped with clock_timestamp(),
 * so the reading order is the commit order.
 */
class MessageOrderFollowsCommitOrderIT {
    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @Test
    void aTransactionThatBeganEarlier_appendsAfterTheMessageCommittedMeanwhile() throws Exception {
        UserId owner = db.newUser();
        Conversation conversation = db.ports().conversations().insert(owner);
        var began = new CountDownLatch(1);
        var otherCommitted = new CountDownLatch(1);

        CompletableFuture<Message> early = CompletableFuture.supplyAsync(() -> db.ports().transactions().inTransaction(() -> {
            db.ports().conversations().find(owner, conversation.id()); // the transaction is under way
            began.countDown();
            await(otherCommitted);
            return append(owner, conversation, "began first, committed last");
        }));
        began.await(10, TimeUnit.SECONDS);
        Message committedMeanwhile = append(owner, conversation, "began last, committed first");
        otherCommitted.countDown();
        Message late = early.get(10, TimeUnit.SECONDS);

        assertThat(late.createdAt()).isAfter(committedMeanwhile.createdAt());
        assertThat(contents(owner, conversation))
                .containsExactly("began last, committed first", "began first, committed last");
    }

    @Test
    void aSecondAppend_waitsForTheFirstToCommit_andIsStampedAfterIt() throws Exception {
        UserId owner = db.newUser();
        Conversation conversation = db.ports().conversations().insert(owner);
        var firstAppended = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);

        CompletableFuture<Message> first = CompletableFuture.supplyAsync(() -> db.ports().transactions().inTransaction(() -> {
            Message message = append(owner, conversation, "first");
            firstAppended.countDown();
            await(releaseFirst);
            return message;
        }));
        firstAppended.await(10, TimeUnit.SECONDS);
        CompletableFuture<Message> second = CompletableFuture.supplyAsync(() -> append(owner, conversation, "second"));
        assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS))
                .as("the second append waits for the conversation's lock")
                .isInstanceOf(TimeoutException.class);
        releaseFirst.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS).createdAt()).isAfter(first.get(10, TimeUnit.SECONDS).createdAt());
        assertThat(contents(owner, conversation)).containsExactly("first", "second");
    }

    private static Message append(UserId owner, Conversation conversation, String content) {
        return db.ports().messages().append(owner, conversation.id(), aMessage().saying(content).build()).orElseThrow();
    }

    private static List<String> contents(UserId owner, Conversation conversation) {
        return db.ports().messages().list(owner, conversation.id(), PageRequest.first(100)).items().stream()
                .map(message -> message.content().value())
                .toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
