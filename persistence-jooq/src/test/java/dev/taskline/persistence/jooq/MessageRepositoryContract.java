package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.domain.model.conversation.MessageRole;
import dev.taskline.domain.model.conversation.NewMessage;
import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.out.MessageRepository;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static dev.taskline.persistence.jooq.TestData.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link MessageRepository} must do; an implementation's test extends this class. */
abstract class MessageRepositoryContract {
    /** The order of every message list: oldest first, ties broken by the lower id. */
    static final Comparator<Message> OLDEST_FIRST = Comparator.comparing(Message::createdAt)
            .thenComparing(message -> message.id().value());

    protected abstract PersistencePorts ports();

    private MessageRepository messages() {
        return ports().messages();
    }

    @Test
    void append_returnsTheStoredMessage() {
        UserId owner = ports().newOwner();
        Conversation conversation = ports().conversations().insert(owner);
        NewMessage sent = aMessage().from(MessageRole.ASSISTANT).saying("How can I help?").build();

        Message appended = messages().append(owner, conversation.id(), sent).orElseThrow();

        assertThat(appended.id().value()).isPositive();
        assertThat(appended.conversationId()).isEqualTo(conversation.id());
        assertThat(appended.role()).isEqualTo(MessageRole.ASSISTANT);
        assertThat(appended.content()).isEqualTo(sent.content());
        assertThat(appended.createdAt()).isAfterOrEqualTo(conversation.createdAt());
        assertThat(list(owner, conversation.id(), 10).items()).containsExactly(appended);
    }

    @Test
    void append_keepsTheContentExactly() {
        UserId owner = ports().newOwner();
        Conversation conversation = ports().conversations().insert(owner);
        List<String> contents = List.of("   ", "\uD83D\uDC4B\uD83C\uDFFD hi\n", "x".repeat(10_000));

        List<Message> appended = contents.stream()
                .map(content -> messages().append(owner, conversation.id(), aMessage().saying(content).build()).orElseThrow())
                .toList();

        assertThat(Paging.all(100, page -> messages().list(owner, conversation.id(), page)))
                .containsExactlyElementsOf(appended)
                .extracting(message -> message.content().value())
                .containsExactlyElementsOf(contents);
    }

    @Test
    void append_toAnUnknownConversation_returnsEmpty_andWritesNothing() {
        UserId owner = ports().newOwner();
        Conversation conversation = ports().conversations().insert(owner);
        ConversationId unknown = new ConversationId(conversation.id().value() + 1_000_000);

        assertThat(messages().append(owner, unknown, aMessage().build())).isEmpty();
        assertThat(list(owner, unknown, 10).items()).isEmpty();
        assertThat(ports().conversations().find(owner, conversation.id())).contains(conversation);
    }

    @Test
    void list_ordersOldestFirst_byCreatedAtThenId() {
        UserId owner = ports().newOwner();
        Conversation conversation = ports().conversations().insert(owner);
        List<Message> appended = append(owner, conversation.id(), 6);

        List<Message> listed = list(owner, conversation.id(), 100).items();

        assertThat(listed).containsExactlyElementsOf(appended);
        assertThat(listed).isSortedAccordingTo(OLDEST_FIRST);
    }

    @Test
    void list_showsOnlyTheMessagesOfThatConversation() {
        UserId owner = ports().newOwner();
        Conversation first = ports().conversations().insert(owner);
        Conversation second = ports().conversations().insert(owner);
        Message inFirst = messages().append(owner, first.id(), aMessage().saying("first").build()).orElseThrow();
        Message inSecond = messages().append(owner, second.id(), aMessage().saying("second").build()).orElseThrow();

        assertThat(list(owner, first.id(), 10).items()).containsExactly(inFirst);
        assertThat(list(owner, second.id(), 10).items()).containsExactly(inSecond);
    }

    @Test
    void list_ofAConversationWithoutMessages_isEmpty_withoutNext() {
        UserId owner = ports().newOwner();
        Conversation conversation = ports().conversations().insert(owner);

        Page<Message> page = list(owner, conversation.id(), 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void list_givesPagesOfTheLimit_withANextThatStartsAfterTheLastItem_untilTheLastPage() {
        UserId owner = ports().newOwner();
        Conversation conversation = ports().conversations().insert(owner);
        List<Message> appended = append(owner, conversation.id(), 5);

        List<Page<Message>> pages = Paging.pages(2, page -> messages().list(owner, conversation.id(), page));

        assertThat(Paging.sizes(pages)).containsExactly(2, 2, 1);
        assertThat(pages.get(0).next()).contains(keysetOf(appended.get(1)));
        assertThat(pages.get(1).next()).contains(keysetOf(appended.get(3)));
        assertThat(pages.get(2).next()).isEmpty();
        assertThat(Paging.items(pages)).containsExactlyElementsOf(appended);
    }

    @Test
    void list_whoseLastPageIsFull_hasNoNext() {
        UserId owner = ports().newOwner();
        Conversation conversation = ports().conversations().insert(owner);
        append(owner, conversation.id(), 6);

        List<Page<Message>> pagesOfThree = Paging.pages(3, page -> messages().list(owner, conversation.id(), page));

        assertThat(Paging.sizes(pagesOfThree)).containsExactly(3, 3);
        assertThat(pagesOfThree.getLast().next()).isEmpty();
        assertThat(list(owner, conversation.id(), 6).next()).isEmpty();
        assertThat(list(owner, conversation.id(), 5).next()).isPresent();
    }

    private Page<Message> list(UserId owner, ConversationId conversation, int limit) {
        return messages().list(owner, conversation, PageRequest.first(limit));
    }

    private List<Message> append(UserId owner, ConversationId conversation, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> messages().append(owner, conversation, aMessage().saying("message " + n).build()).orElseThrow())
                .toList();
    }

    private static Keyset keysetOf(Message message) {
        return new Keyset(message.createdAt(), message.id().value());
    }
}
