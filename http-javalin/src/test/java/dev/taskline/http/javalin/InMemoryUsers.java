package dev.taskline.http.javalin;

import dev.taskline.domain.error.Conflict;
import dev.taskline.domain.model.user.Email;
import dev.taskline.domain.model.user.NewUser;
import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.model.user.UserUpdate;
import dev.taskline.domain.port.out.TransactionRunner;
import dev.taskline.domain.port.out.UserRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Users in a map, and transactions that just run: enough to drive the real {@code AccountService} without a database. */
final class InMemoryUsers implements UserRepository, TransactionRunner {

    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized User insert(NewUser user) {
        if (findByEmail(user.email()).isPresent()) {
            throw Conflict.emailTaken();
        }
        Instant now = Instant.now();
        User created = new User(new UserId(ids.incrementAndGet()), user.email(), user.name(), user.passwordHash(), now, now);
        users.put(created.id().value(), created);
        return created;
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return users.values().stream().filter(user -> user.email().equals(email)).findFirst();
    }

    @Override
    public Optional<User> find(UserId id) {
        return Optional.ofNullable(users.get(id.value()));
    }

    @Override
    public Optional<User> update(UserId id, UserUpdate update) {
        return Optional.ofNullable(users.computeIfPresent(id.value(), (key, user) -> new User(user.id(), user.email(), update.name(),
                update.passwordHash(), user.createdAt(), Instant.now())));
    }

    @Override
    public boolean delete(UserId id) {
        return users.remove(id.value()) != null;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
