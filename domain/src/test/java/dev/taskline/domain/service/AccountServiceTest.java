package dev.taskline.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskline.domain.error.Unauthenticated;
import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.PasswordHash;
import dev.taskline.domain.port.in.AuthenticateCommand;
import dev.taskline.domain.port.out.PasswordHasher;
import dev.taskline.domain.port.out.TransactionRunner;
import dev.taskline.domain.port.out.UserRepository;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Only the logic that needs no database: the rest of the service is tested against the real
 * PostgreSQL adapter. The repository here fails on any call, which proves it is not touched.
 */
class AccountServiceTest {

    private final CountingHasher hasher = new CountingHasher();
    private final CountingTransactions transactions = new CountingTransactions();
    private final AccountService service = new AccountService(untouchable(UserRepository.class), hasher, transactions);

    @Test
    void constructor_hashesTheDummyPasswordOnce() {
        assertThat(hasher.hashes).isEqualTo(1);
    }

    @Test
    void authenticate_malformedEmail_checksThePasswordOnceAgainstTheDummyHash_likeAWrongPassword() {
        PasswordHash dummy = hasher.lastHash;

        assertThatThrownBy(() -> service.authenticate(AuthenticateCommand.of("not an email", "some password")))
                .isInstanceOf(Unauthenticated.class)
                .hasMessage(Unauthenticated.badCredentials().getMessage());
        assertThat(hasher.checkedAgainst).containsExactly(dummy);
        assertThat(hasher.hashes).as("no hash beyond the dummy one").isEqualTo(1);
        assertThat(transactions.opened).as("nothing to look up").isZero();
    }

    @Test
    void transactionRunner_runsARunnableAsWorkWithoutResult() {
        List<String> done = new ArrayList<>();

        transactions.inTransaction(() -> {
            done.add("ran");
        });

        assertThat(done).containsExactly("ran");
        assertThat(transactions.opened).isEqualTo(1);
    }

    private static <T> T untouchable(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new AssertionError(port.getSimpleName() + "." + method.getName() + " must not be called");
        }));
    }

    private static final class CountingHasher implements PasswordHasher {
        int hashes;
        PasswordHash lastHash;
        final List<PasswordHash> checkedAgainst = new ArrayList<>();

        @Override
        public PasswordHash hash(Password password) {
            hashes++;
            lastHash = new PasswordHash("hashed:" + hashes + ":" + password.value());
            return lastHash;
        }

        @Override
        public boolean matches(Password attempt, PasswordHash hash) {
            checkedAgainst.add(hash);
            return hash.value().endsWith(":" + attempt.value());
        }
    }

    private static final class CountingTransactions implements TransactionRunner {
        int opened;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            opened++;
            return work.get();
        }
    }
}
