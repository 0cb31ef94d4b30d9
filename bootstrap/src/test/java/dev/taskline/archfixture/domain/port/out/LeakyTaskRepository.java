package dev.taskline.archfixture.domain.port.out;

import dev.taskline.archfixture.domain.model.user.UserId;

import java.util.Optional;

/** Violates: every repository method takes the owner's UserId (findAnyones does not). */
public interface LeakyTaskRepository {
    Optional<String> find(UserId owner, long id);

    @Unscoped("exempt on purpose: shows that the exemption is honoured")
    Optional<String> findByExternalKey(String key);

    Optional<String> findAnyones(long id);
}
