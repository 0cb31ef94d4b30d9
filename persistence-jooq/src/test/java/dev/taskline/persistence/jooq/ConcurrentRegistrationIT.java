package dev.taskline.persistence.jooq;

import dev.taskline.domain.error.Conflict;
import dev.taskline.domain.model.user.User;
import dev.taskline.domain.port.in.RegisterUserCommand;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.taskline.persistence.jooq.generated.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.lower;

/** Ten people race to register one address, each spelling it in other letter cases: one account wins. */
class ConcurrentRegistrationIT {
    private static final int RACERS = 10;

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @RepeatedTest(3)
    void tenConcurrentRegistrationsOfOneEmail_inDifferentLetterCases_makeOneAccount_andNineConflicts() throws Exception {
        String email = TestData.uniqueEmail();
        CountDownLatch ready = new CountDownLatch(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        List<String> spellings = IntStream.range(0, RACERS).mapToObj(n -> inLetterCase(email, n)).toList();
        assertThat(spellings).doesNotHaveDuplicates();
        List<Future<User>> outcomes = new ArrayList<>();

        try (ExecutorService racers = Executors.newFixedThreadPool(RACERS)) {
            for (String spelling : spellings) {
                outcomes.add(racers.submit(() -> {
                    ready.countDown();
                    go.await();
                    return db.accounts().register(RegisterUserCommand.of(spelling, "racing password " + spelling, null));
                }));
            }
            try {
                assertThat(ready.await(10, TimeUnit.SECONDS)).as("all racers at the start").isTrue();
            } finally {
                go.countDown();
            }
        }

        List<User> winners = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Future<User> outcome : outcomes) {
            switch (outcome.state()) {
                case SUCCESS -> winners.add(outcome.resultNow());
                case FAILED -> failures.add(outcome.exceptionNow());
                default -> throw new AssertionError("a registration did not finish: " + outcome.state());
            }
        }
        assertThat(winners).hasSize(1);
        assertThat(failures).hasSize(RACERS - 1).allSatisfy(failure -> assertThat(failure).isExactlyInstanceOf(Conflict.class));
        assertThat(db.dsl().fetch(USERS, lower(USERS.EMAIL).eq(email)))
                .singleElement()
                .satisfies(row -> assertThat(row.getId()).isEqualTo(winners.getFirst().id().value()));
    }

    /** The address with letters raised to upper case after the bits of n: a different spelling for each n below 16. */
    private static String inLetterCase(String email, int n) {
        StringBuilder spelling = new StringBuilder(email.length());
        int letter = 0;
        for (char c : email.toCharArray()) {
            boolean raise = Character.isLetter(c) && ((n >> (letter++ % 4)) & 1) == 1;
            spelling.append(raise ? Character.toUpperCase(c) : c);
        }
        return spelling.toString();
    }
}
