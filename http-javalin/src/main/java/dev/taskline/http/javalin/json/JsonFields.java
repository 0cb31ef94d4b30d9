package dev.taskline.http.javalin.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskline.domain.error.FieldError;
import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.change.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The fields of a JSON request object, read with their JSON types checked. A field can be absent,
 * {@code null} or a value, and these three stay distinguishable ({@link Change}) for PATCH. A value
 * of the wrong JSON type is remembered as a field error ({@code "must be a string"}) and handed to
 * the domain as absent; {@link #build} then reports type errors and the domain's own errors
 * together, so a client learns about every bad field at once.
 *
 * <p>One instance per request; not thread-safe.
 */
public final class JsonFields {

    static final String MUST_BE_A_STRING = "must be a string";
    static final String MUST_BE_A_BOOLEAN = "must be a boolean";

    private final ObjectNode object;
    private final List<FieldError> typeErrors = new ArrayList<>();

    public JsonFields(ObjectNode object) {
        this.object = Objects.requireNonNull(object, "object");
    }

    /** The string value, or {@code null} when the field is absent, {@code null} or not a string. */
    public String string(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            typeErrors.add(new FieldError(field, MUST_BE_A_STRING));
            return null;
        }
        return node.textValue();
    }

    /** Absent: keep; {@code null}: clear; a string: set; anything else: a type error, and keep. */
    public Change<String> stringChange(String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            return Change.keep();
        }
        if (node.isNull()) {
            return Change.clear();
        }
        if (!node.isTextual()) {
            typeErrors.add(new FieldError(field, MUST_BE_A_STRING));
            return Change.keep();
        }
        return Change.set(node.textValue());
    }

    /** Absent: keep; {@code null}: clear; {@code true}/{@code false}: set; anything else: a type error, and keep. */
    public Change<Boolean> booleanChange(String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            return Change.keep();
        }
        if (node.isNull()) {
            return Change.clear();
        }
        if (!node.isBoolean()) {
            typeErrors.add(new FieldError(field, MUST_BE_A_BOOLEAN));
            return Change.keep();
        }
        return Change.set(node.booleanValue());
    }

    /**
     * Runs a domain factory on the values read so far. Throws {@link ValidationFailed} with the type
     * errors plus the domain's errors on the other fields (a field sent with the wrong type is
     * reported once, as a type error, not also as "is required").
     */
    public <T> T build(Supplier<T> factory) {
        T result;
        try {
            result = factory.get();
        } catch (ValidationFailed invalid) {
            throw merged(invalid.errors());
        }
        if (!typeErrors.isEmpty()) {
            throw new ValidationFailed(typeErrors);
        }
        return result;
    }

    public List<FieldError> typeErrors() {
        return List.copyOf(typeErrors);
    }

    private ValidationFailed merged(List<FieldError> domainErrors) {
        Set<String> mistyped = typeErrors.stream().map(FieldError::field).collect(Collectors.toSet());
        List<FieldError> all = new ArrayList<>(typeErrors);
        domainErrors.stream().filter(error -> !mistyped.contains(error.field())).forEach(all::add);
        return new ValidationFailed(all);
    }
}
