package dev.taskline.domain.model.user;

import static dev.taskline.domain.Rejections.assertRejectedOn;
import static dev.taskline.domain.Rejections.assertRejectedSaying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskline.domain.Text;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserNameTest {

    @Test
    void name_isStoredAsSent_notTrimmed() {
        assertThat(new UserName("  Ada  ").value()).isEqualTo("  Ada  ");
        assertThat(new UserName("").value()).isEmpty();
    }

    @Test
    void name_isAtMost255CodePoints() {
        assertThat(new UserName(Text.emoji(255)).value()).isEqualTo(Text.emoji(255));
        assertRejectedSaying(() -> new UserName(Text.emoji(256)), "name", "at most 255 characters");
        assertRejectedOn(() -> new UserName(Text.letters(256)), "name");
    }

    @Test
    void name_withNul_isRefused() {
        assertRejectedSaying(() -> new UserName("Ada\0"), "name", "NUL");
    }

    @Test
    void user_toString_doesNotShowTheHash() {
        var hash = new PasswordHash("$2a$12$secretsecretsecret");
        var user = new User(new UserId(1), Email.of("a@x.io"), Optional.empty(), hash,
                Instant.EPOCH, Instant.EPOCH);

        assertThat(user.toString()).doesNotContain("secretsecret");
        assertThat(user.writableState()).isEqualTo(new UserUpdate(Optional.empty(), hash));
    }
}
