package dev.taskline.http.javalin.security;

import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.PasswordHash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BcryptPasswordHasherTest {
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(10);

    @Test
    void hash_isBcryptWithTheConfiguredCost_andMatchesOnlyTheSamePassword() {
        PasswordHash hash = hasher.hash(Password.newPassword("correct horse", "password"));

        assertThat(hash.value()).matches("^\\$2a\\$10\\$[./A-Za-z0-9]{53}$");
        assertThat(hasher.matches(Password.attempt("correct horse"), hash)).isTrue();
        assertThat(hasher.matches(Password.attempt("correct horsf"), hash)).isFalse();
    }

    @Test
    void samePassword_getsADifferentSaltEachTime() {
        Password password = Password.newPassword("correct horse", "password");
        assertThat(hasher.hash(password).value()).isNotEqualTo(hasher.hash(password).value());
    }

    @Test
    void passwordOfExactly72Bytes_isHashedWhole_soTheLastByteCounts() {
        String seventyOne = "a".repeat(71);
        PasswordHash hash = hasher.hash(Password.newPassword(seventyOne + "b", "password"));
        assertThat(hasher.matches(Password.attempt(seventyOne + "c"), hash)).isFalse();
        assertThat(hasher.matches(Password.attempt(seventyOne + "b"), hash)).isTrue();
    }

    @Test
    void attemptLongerThan72Bytes_neverMatches_insteadOfBeingTruncated() {
        String seventyTwo = "a".repeat(72);
        PasswordHash hash = hasher.hash(Password.newPassword(seventyTwo, "password"));
        assertThat(hasher.matches(Password.attempt(seventyTwo + "anything"), hash)).isFalse();
    }

    @Test
    void malformedStoredHash_doesNotMatch_ratherThanThrow() {
        assertThat(hasher.matches(Password.attempt("whatever1"), new PasswordHash("not-a-bcrypt-hash"))).isFalse();
    }

    @Test
    void costBelowTen_isRefused() {
        assertThatThrownBy(() -> new BcryptPasswordHasher(9)).isInstanceOf(IllegalArgumentException.class);
    }
}
