package dev.taskline.domain.model.change;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a PATCH does to one optional field: the field was absent ({@link #keep()}), sent as
 * {@code null} ({@link #clear()}) or sent with a value ({@link #set}). {@code Optional} alone
 * cannot tell the first two apart.
 */
public sealed interface Change<T> {

    record Keep<T>() implements Change<T> {
    }

    record Clear<T>() implements Change<T> {
    }

    record Set<T>(T value) implements Change<T> {
        public Set {
            Objects.requireNonNull(value, "a Change.set value must not be null: use Change.clear()");
        }
    }

    static <T> Change<T> keep() {
        return new Keep<>();
    }

    static <T> Change<T> clear() {
        return new Clear<>();
    }

    static <T> Change<T> set(T value) {
        return new Set<>(value);
    }

    /** The field's new state, given its current one. */
    default Optional<T> applyTo(Optional<T> current) {
        return switch (this) {
            case Keep<T> keep -> current;
            case Clear<T> clear -> Optional.empty();
            case Set<T>(T value) -> Optional.of(value);
        };
    }

    /** Converts a set value (e.g. a raw string into a value object); keep and clear stay as they are. */
    default <R> Change<R> map(Function<? super T, ? extends R> mapper) {
        return switch (this) {
            case Keep<T> keep -> keep();
            case Clear<T> clear -> clear();
            case Set<T>(T value) -> set(mapper.apply(value));
        };
    }

    default boolean isKeep() {
        return this instanceof Keep<T>;
    }
}
