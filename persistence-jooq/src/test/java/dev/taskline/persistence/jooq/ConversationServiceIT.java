package dev.taskline.persistence.jooq;

import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.domain.model.conversation.MessageRole;
import dev.taskline.domain.model.conversation.NewMessage;
import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.service.ConversationService;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.taskline.persistence.jooq.generated.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@link ConversationService} on the jOOQ adapter and a real PostgreSQL. */
class ConversationServiceIT {

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    private final ConversationService conversations = db.conversationService();
    private final UserId owner = db.newUser();

    @Test
    void create_thenGet_andList_returnTheConversation() {
        Conversation created = conversations.create(owner);

        assertThat(conversations.get(owner, created.id())).isEqualTo(created);
        assertThat(conversations.list(owner, PageRequest.first(10)).items()).containsExactly(created);
    }

    @Test
    void append_storesTheMessage_movesTheConversationsUpdatedAt_andItsPlaceInTheList() {
        Conversation older = conversations.create(owner);
        Conversation newer = conversations.create(owner);

        Message message = conversations.append(owner, older.id(), NewMessage.of("user", "Hi!"));

        assertThat(message.conversationId()).isEqualTo(older.id());
        assertThat(message.role()).isEqualTo(MessageRole.USER);
        assertThat(message.content().value()).isEqualTo("Hi!");
        Conversation after = conversations.get(owner, older.id());
        assertThat(after.updatedAt()).isAfter(older.updatedAt()).isAfterOrEqualTo(message.createdAt());
        assertThat(after.createdAt()).isEqualTo(older.createdAt());
        assertThat(conversations.list(owner, PageRequest.first(10)).items()).extracting(Conversation::id)
                .containsExactly(older.id(), newer.id());
    }

    @Test
    void listMessages_returnsThemOldestFirst() {
        Conversation conversation = conversations.create(owner);
        List<Message> appended = List.of(
                conversations.append(owner, conversation.id(), NewMessage.of("user", "question")),
                conversations.append(owner, conversation.id(), NewMessage.of("assistant", "answer")),
                conversations.append(owner, conversation.id(), NewMessage.of("user", "thanks")));

        assertThat(conversations.listMessages(owner, conversation.id(), PageRequest.first(10)).items())
                .containsExactlyElementsOf(appended);
    }

    @Test
    void listMessages_ofOnesOwnEmptyConversation_orPastItsLastMessage_isAnEmptyPage_notNotFound() {
        Conversation empty = conversations.create(owner);
        assertThat(conversations.listMessages(owner, empty.id(), PageRequest.first(10)).items()).isEmpty();

        Conversation one = conversations.create(owner);
        Message only = conversations.append(owner, one.id(), NewMessage.of("user", "only"));
        Page<Message> first = conversations.listMessages(owner, one.id(), PageRequest.first(1));
        assertThat(first.items()).containsExactly(only);
        Keyset after = new Keyset(only.createdAt(), only.id().value());
        assertThat(conversations.listMessages(owner, one.id(), PageRequest.of(1, after)).items()).isEmpty();
    }

    @Test
    void listMessages_ofAnUnknownConversation_isNotFound() {
        Conversation conversation = conversations.create(owner);
        ConversationId unknown = new ConversationId(conversation.id().value() + 1_000_000);

        assertThat(catchThrowable(() -> conversations.listMessages(owner, unknown, PageRequest.first(10))))
                .isExactlyInstanceOf(NotFound.class);
    }

    @Test
    void delete_removesTheConversationWithItsMessages_andThenItIsNotFound() {
        Conversation conversation = conversations.create(owner);
        conversations.append(owner, conversation.id(), NewMessage.of("user", "soon gone"));

        conversations.delete(owner, conversation.id());

        assertThat(catchThrowable(() -> conversations.get(owner, conversation.id()))).isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> conversations.delete(owner, conversation.id()))).isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> conversations.append(owner, conversation.id(), NewMessage.of("user", "late"))))
                .isInstanceOf(NotFound.class);
        assertThat(db.dsl().fetchCount(MESSAGES, MESSAGES.CONVERSATION_ID.eq(conversation.id().value()))).isZero();
    }

    @Test
    void everyUseCase_onAnotherUsersConversation_isNotFound_andTheConversationStaysAsItWas() {
        Conversation alices = conversations.create(owner);
        Message alicesMessage = conversations.append(owner, alices.id(), NewMessage.of("user", "private"));
        Conversation alicesBefore = conversations.get(owner, alices.id());
        UserId bob = db.newUser();
        Map<String, ThrowingCallable> useCases = new LinkedHashMap<>();
        useCases.put("get", () -> conversations.get(bob, alices.id()));
        useCases.put("delete", () -> conversations.delete(bob, alices.id()));
        useCases.put("append", () -> conversations.append(bob, alices.id(), NewMessage.of("user", "injected")));
        useCases.put("listMessages", () -> conversations.listMessages(bob, alices.id(), PageRequest.first(10)));

        useCases.forEach((name, useCase) -> assertThat(catchThrowable(useCase)).as(name).isExactlyInstanceOf(NotFound.class));
        assertThat(conversations.list(bob, PageRequest.first(10)).items()).isEmpty();
        assertThat(conversations.get(owner, alices.id())).isEqualTo(alicesBefore);
        assertThat(conversations.listMessages(owner, alices.id(), PageRequest.first(10)).items()).containsExactly(alicesMessage);
    }
}
