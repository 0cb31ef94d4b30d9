package dev.taskline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.taskline.domain.error.FieldError;
import dev.taskline.domain.error.ValidationFailed;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on validation failures, shared by the unit tests. */
public final class Rejections {

    private Rejections() {
    }

    public static ValidationFailed rejection(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a ValidationFailed").isInstanceOf(ValidationFailed.class);
        return (ValidationFailed) thrown;
    }

    /** Fails unless {@code call} is refused on exactly the given fields, in that order. */
    public static List<FieldError> assertRejectedOn(ThrowingCallable call, String... fields) {
        List<FieldError> errors = rejection(call).errors();
        assertThat(errors).extracting(FieldError::field).containsExactly(fields);
        return errors;
    }

    /** Fails unless {@code call} is refused on {@code field} with a message containing {@code messagePart}. */
    public static void assertRejectedSaying(ThrowingCallable call, String field, String messagePart) {
        assertThat(assertRejectedOn(call, field).getFirst().message()).contains(messagePart);
    }
}
