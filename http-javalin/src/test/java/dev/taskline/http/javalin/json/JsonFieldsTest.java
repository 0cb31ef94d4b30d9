package dev.taskline.http.javalin.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskline.domain.error.FieldError;
import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.change.Change;
import dev.taskline.domain.model.task.TaskPatch;
import dev.taskline.domain.port.in.CreateTaskCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonFieldsTest {

    private final ObjectMapper mapper = JsonConfig.objectMapper();

    @Test
    void stringChange_tellsAbsentFromNullFromValue() {
        JsonFields fields = fields("{\"description\": null, \"title\": \"Buy milk\"}");

        assertThat(fields.stringChange("status")).isEqualTo(Change.keep());
        assertThat(fields.stringChange("description")).isEqualTo(Change.clear());
        assertThat(fields.stringChange("title")).isEqualTo(Change.set("Buy milk"));
        assertThat(fields.typeErrors()).isEmpty();
    }

    @Test
    void booleanChange_tellsAbsentFromNullFromValue() {
        JsonFields fields = fields("{\"a\": null, \"b\": true, \"c\": false}");

        assertThat(fields.booleanChange("missing")).isEqualTo(Change.keep());
        assertThat(fields.booleanChange("a")).isEqualTo(Change.clear());
        assertThat(fields.booleanChange("b")).isEqualTo(Change.set(true));
        assertThat(fields.booleanChange("c")).isEqualTo(Change.set(false));
    }

    @Test
    void string_isNullWhenAbsentOrNull() {
        JsonFields fields = fields("{\"name\": null, \"email\": \"a@x.io\"}");

        assertThat(fields.string("name")).isNull();
        assertThat(fields.string("absent")).isNull();
        assertThat(fields.string("email")).isEqualTo("a@x.io");
    }

    @Test
    void wrongTypes_areFieldErrors_namingTheField() {
        JsonFields fields = fields("{\"title\": 5, \"description\": [], \"completed\": \"true\", \"due_date\": {}, \"name\": false}");

        assertThat(fields.string("title")).isNull();
        assertThat(fields.stringChange("description")).isEqualTo(Change.keep());
        assertThat(fields.booleanChange("completed")).isEqualTo(Change.keep());
        assertThat(fields.stringChange("due_date")).isEqualTo(Change.keep());
        assertThat(fields.string("name")).isNull();

        assertThat(fields.typeErrors()).containsExactly(
                new FieldError("title", "must be a string"),
                new FieldError("description", "must be a string"),
                new FieldError("completed", "must be a boolean"),
                new FieldError("due_date", "must be a string"),
                new FieldError("name", "must be a string"));
    }

    @Test
    void build_reportsTypeErrorsAndDomainErrorsTogether_butAMistypedFieldOnlyOnce() {
        JsonFields fields = fields("{\"title\": 5, \"status\": \"bogus\"}");

        assertThatThrownBy(() -> fields.build(() -> CreateTaskCommand.of(
                fields.string("title"), fields.string("description"), fields.string("status"), fields.string("due_date"))))
                .isInstanceOfSatisfying(ValidationFailed.class, failure -> assertThat(failure.errors()).containsExactly(
                        new FieldError("title", "must be a string"),
                        new FieldError("status", "must be one of: pending, in_progress, completed")));
    }

    @Test
    void build_reportsTypeErrors_evenWhenTheDomainAcceptsTheRest() {
        JsonFields fields = fields("{\"title\": \"ok\", \"description\": 12}");

        assertThatThrownBy(() -> fields.build(() -> CreateTaskCommand.of(
                fields.string("title"), fields.string("description"), null, null)))
                .isInstanceOfSatisfying(ValidationFailed.class, failure ->
                        assertThat(failure.errors()).containsExactly(new FieldError("description", "must be a string")));
    }

    @Test
    void patch_nullTitleIsRefused_butNullDescriptionClears() {
        JsonFields clearing = fields("{\"description\": null, \"due_date\": null}");
        TaskPatch patch = clearing.build(() -> TaskPatch.of(clearing.stringChange("title"), clearing.stringChange("description"),
                clearing.stringChange("status"), clearing.booleanChange("completed"), clearing.stringChange("due_date")));
        assertThat(patch.description()).isEqualTo(Change.clear());
        assertThat(patch.dueDate()).isEqualTo(Change.clear());
        assertThat(patch.title()).isEmpty();

        JsonFields nullTitle = fields("{\"title\": null}");
        assertThatThrownBy(() -> nullTitle.build(() -> TaskPatch.of(nullTitle.stringChange("title"), Change.keep(), Change.keep(),
                Change.keep(), Change.keep())))
                .isInstanceOfSatisfying(ValidationFailed.class, failure ->
                        assertThat(failure.errors()).extracting(FieldError::field).containsExactly("title"));
    }

    private JsonFields fields(String json) {
        try {
            return new JsonFields((ObjectNode) mapper.readTree(json));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
