package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.out.ConversationRepository;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static dev.taskline.persistence.jooq.TestData.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ConversationRepository} must do; an implementation's test extends this class. */
abstract class ConversationRepositoryContract {
    /** The order of every conversation list: most recently active first, ties broken by the higher id. */
    static final Comparator<Conversation> MOST_RECENTLY_ACTIVE_FIRST = Comparator.comparing(Conversation::updatedAt)
            .thenComparing(conversation -> conversation.id().value())
            .reversed();

    protected abstract PersistencePorts ports();

    private ConversationRepository conversations() {
        return ports().conversations();
    }

    @Test
    void insert_returnsAConversationOfTheOwner_withEqualTimestamps() {
        UserId owner = ports().newOwner();

        Conversation inserted = conversations().insert(owner);

        assertThat(inserted.id().value()).isPositive();
        assertThat(inserted.owner()).isEqualTo(owner);
        assertThat(inserted.updatedAt()).isEqualTo(inserted.createdAt());
        assertThat(conversations().find(owner, inserted.id())).contains(inserted);
    }

    @Test
    void find_ofAnUnknownId_returnsEmpty() {
        UserId owner = ports().newOwner();
        Conversation conversation = conversations().insert(owner);

        assertThat(conversations().find(owner, new ConversationId(conversation.id().value() + 1_000_000))).isEmpty();
    }

    @Test
    void appendingAMessage_movesUpdatedAt_andKeepsCreatedAt() {
        UserId owner = ports().newOwner();
        Conversation before = conversations().insert(owner);

        ports().messages().append(owner, before.id(), aMessage().build()).orElseThrow();

        Conversation after = conversations().find(owner, before.id()).orElseThrow();
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.updatedAt()).isAfter(before.updatedAt());
    }

    @Test
    void list_ordersMostRecentlyActiveFirst() {
        UserId owner = ports().newOwner();
        List<Conversation> inserted = insert(owner, 4);

        List<Conversation> listed = list(owner, 100).items();

        assertThat(listed).containsExactlyElementsOf(inserted.reversed());
        assertThat(listed).isSortedAccordingTo(MOST_RECENTLY_ACTIVE_FIRST);
    }

    @Test
    void appendingAMessage_movesTheConversationToTheTopOfTheList() {
        UserId owner = ports().newOwner();
        List<Conversation> inserted = insert(owner, 3);
        Conversation oldest = inserted.getFirst();

        ports().messages().append(owner, oldest.id(), aMessage().build()).orElseThrow();

        List<Conversation> listed = list(owner, 100).items();
        assertThat(listed).extracting(Conversation::id)
                .containsExactly(oldest.id(), inserted.get(2).id(), inserted.get(1).id());
        assertThat(listed.getFirst().updatedAt()).isAfter(inserted.get(2).updatedAt());
    }

    @Test
    void list_ofAUserWithoutConversations_isEmpty_withoutNext() {
        UserId owner = ports().newOwner();

        Page<Conversation> page = list(owner, 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void list_givesPagesOfTheLimit_withANextThatStartsAfterTheLastItem_untilTheLastPage() {
        UserId owner = ports().newOwner();
        List<Conversation> mostRecentFirst = insert(owner, 5).reversed();

        List<Page<Conversation>> pages = Paging.pages(2, page -> conversations().list(owner, page));

        assertThat(Paging.sizes(pages)).containsExactly(2, 2, 1);
        assertThat(pages.get(0).next()).contains(keysetOf(mostRecentFirst.get(1)));
        assertThat(pages.get(1).next()).contains(keysetOf(mostRecentFirst.get(3)));
        assertThat(pages.get(2).next()).isEmpty();
        assertThat(Paging.items(pages)).containsExactlyElementsOf(mostRecentFirst);
    }

    @Test
    void list_whoseLastPageIsFull_hasNoNext() {
        UserId owner = ports().newOwner();
        insert(owner, 4);

        List<Page<Conversation>> pagesOfTwo = Paging.pages(2, page -> conversations().list(owner, page));

        assertThat(Paging.sizes(pagesOfTwo)).containsExactly(2, 2);
        assertThat(pagesOfTwo.getLast().next()).isEmpty();
        assertThat(list(owner, 4).next()).isEmpty();
        assertThat(list(owner, 3).next()).isPresent();
    }

    @Test
    void list_conversationsSharingUpdatedAt_areOrderedById_andNeitherSkippedNorRepeatedAcrossPages() {
        UserId owner = ports().newOwner();
        // One transaction: now() is the same for every row, so they all share created_at and updated_at.
        List<Conversation> sameInstant = ports().transactions().inTransaction(() -> insert(owner, 7));
        assertThat(sameInstant).extracting(Conversation::updatedAt).containsOnly(sameInstant.getFirst().updatedAt());

        for (int limit = 1; limit <= 8; limit++) {
            int pageSize = limit;
            assertThat(Paging.all(pageSize, page -> conversations().list(owner, page)))
                    .as("pages of %d", pageSize)
                    .containsExactlyElementsOf(sameInstant.reversed());
        }
    }

    @Test
    void delete_removesTheConversationAndItsMessages_andThenReportsThatThereWasNone() {
        UserId owner = ports().newOwner();
        Conversation doomed = conversations().insert(owner);
        Conversation kept = conversations().insert(owner);
        ports().messages().append(owner, doomed.id(), aMessage().saying("gone soon").build()).orElseThrow();
        ports().messages().append(owner, kept.id(), aMessage().saying("stays").build()).orElseThrow();

        assertThat(conversations().delete(owner, doomed.id())).isTrue();

        assertThat(conversations().find(owner, doomed.id())).isEmpty();
        assertThat(ports().messages().list(owner, doomed.id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(conversations().delete(owner, doomed.id())).isFalse();
        assertThat(list(owner, 10).items()).extracting(Conversation::id).containsExactly(kept.id());
        assertThat(ports().messages().list(owner, kept.id(), PageRequest.first(10)).items()).hasSize(1);
    }

    private Page<Conversation> list(UserId owner, int limit) {
        return conversations().list(owner, PageRequest.first(limit));
    }

    private List<Conversation> insert(UserId owner, int count) {
        return IntStream.range(0, count).mapToObj(n -> conversations().insert(owner)).toList();
    }

    private static Keyset keysetOf(Conversation conversation) {
        return new Keyset(conversation.updatedAt(), conversation.id().value());
    }
}
