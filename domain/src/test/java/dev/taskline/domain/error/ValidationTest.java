package dev.taskline.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void check_collectsEveryFailure_andThrowsThemTogether() {
        var validation = new Validation();

        String ok = validation.check(() -> "fine");
        Object title = validation.check(() -> { throw ValidationFailed.of("title", "must not be blank"); });
        validation.reject("limit", "must be between 1 and 100");

        assertThat(ok).isEqualTo("fine");
        assertThat(title).isNull();
        assertThat(validation.hasFailed()).isTrue();
        assertThatThrownBy(validation::throwIfFailed)
                .isInstanceOfSatisfying(ValidationFailed.class, failure -> assertThat(failure.errors()).containsExactly(
                        new FieldError("title", "must not be blank"), new FieldError("limit", "must be between 1 and 100")));
    }

    @Test
    void throwIfFailed_withoutFailures_doesNothing() {
        var validation = new Validation();
        validation.check(() -> 1);

        assertThatCode(validation::throwIfFailed).doesNotThrowAnyException();
    }

    @Test
    void check_letsOtherExceptionsThrough() {
        var validation = new Validation();

        assertThatThrownBy(() -> validation.check(() -> { throw new IllegalStateException("bug"); }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void validationFailed_namesFieldsAndReasons_andKeepsAnImmutableCopy() {
        var errors = new ArrayList<>(List.of(new FieldError("email", "is required"), new FieldError("password", "is required")));
        var failure = new ValidationFailed(errors);
        errors.clear();

        assertThat(failure).hasMessage("invalid input: email: is required; password: is required");
        assertThat(failure.errors()).hasSize(2);
        assertThatThrownBy(() -> failure.errors().add(new FieldError("x", "y"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validationFailed_needsAtLeastOneError() {
        assertThatThrownBy(() -> new ValidationFailed(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
