package dev.taskline.http.javalin.task;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskDescription;
import dev.taskline.http.javalin.json.JsonConfig;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/** {@code {"id", "title", "description", "status", "completed", "due_date", "created_at", "updated_at"}}. */
@JsonSerialize(using = TaskResponse.Writer.class)
public record TaskResponse(
        long id,
        String title,
        String description,
        String status,
        boolean completed,
        LocalDate dueDate,
        Instant createdAt,
        Instant updatedAt) {

    public static TaskResponse from(Task task) {
        return new TaskResponse(
                task.id().value(),
                task.title().value(),
                task.description().map(TaskDescription::value).orElse(null),
                task.status().wireName(),
                task.completed(),
                task.dueDate().orElse(null),
                task.createdAt(),
                task.updatedAt());
    }

    /**
     * Writes a task as Jackson's bean serializer would with the API's {@link JsonConfig} (a test
     * compares the two), field by field with pre-encoded names: a page holds fifty tasks, and the
     * bean serializer's property accessors were the largest part of its JSON cost.
     */
    static final class Writer extends StdSerializer<TaskResponse> {
        private static final SerializedString ID = new SerializedString("id");
        private static final SerializedString TITLE = new SerializedString("title");
        private static final SerializedString DESCRIPTION = new SerializedString("description");
        private static final SerializedString STATUS = new SerializedString("status");
        private static final SerializedString COMPLETED = new SerializedString("completed");
        private static final SerializedString DUE_DATE = new SerializedString("due_date");
        private static final SerializedString CREATED_AT = new SerializedString("created_at");
        private static final SerializedString UPDATED_AT = new SerializedString("updated_at");

        Writer() {
            super(TaskResponse.class);
        }

        @Override
        public void serialize(TaskResponse task, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject(task);
            json.writeFieldName(ID);
            json.writeNumber(task.id());
            json.writeFieldName(TITLE);
            json.writeString(task.title());
            json.writeFieldName(DESCRIPTION);
            json.writeString(task.description()); // null writes null
            json.writeFieldName(STATUS);
            json.writeString(task.status());
            json.writeFieldName(COMPLETED);
            json.writeBoolean(task.completed());
            json.writeFieldName(DUE_DATE);
            JsonConfig.writeDate(json, task.dueDate());
            json.writeFieldName(CREATED_AT);
            JsonConfig.writeTimestamp(json, task.createdAt());
            json.writeFieldName(UPDATED_AT);
            JsonConfig.writeTimestamp(json, task.updatedAt());
            json.writeEndObject();
        }
    }
}
