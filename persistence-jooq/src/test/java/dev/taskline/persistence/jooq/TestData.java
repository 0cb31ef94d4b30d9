package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.conversation.MessageContent;
import dev.taskline.domain.model.conversation.MessageRole;
import dev.taskline.domain.model.conversation.NewMessage;
import dev.taskline.domain.model.task.TaskDescription;
import dev.taskline.domain.model.task.TaskDetails;
import dev.taskline.domain.model.task.TaskStatus;
import dev.taskline.domain.model.task.TaskTitle;
import dev.taskline.domain.model.user.Email;
import dev.taskline.domain.model.user.NewUser;
import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.UserName;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Builders for test data: sensible defaults, and only what a test cares about spelt out. */
final class TestData {
    static final String DEFAULT_PASSWORD = "correct horse battery staple";

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final TestPasswordHasher HASHER = new TestPasswordHasher();

    private TestData() {
    }

    /** An address no other test uses (every test class has its own database, and this counter is per JVM). */
    static String uniqueEmail() {
        return "user" + SEQUENCE.incrementAndGet() + "@example.test";
    }

    static NewUserBuilder aUser() {
        return new NewUserBuilder();
    }

    static TaskBuilder aTask() {
        return new TaskBuilder();
    }

    static MessageBuilder aMessage() {
        return new MessageBuilder();
    }

    static final class NewUserBuilder {
        private String email = uniqueEmail();
        private String name;
        private String password = DEFAULT_PASSWORD;

        NewUserBuilder withEmail(String email) {
            this.email = email;
            return this;
        }

        NewUserBuilder named(String name) {
            this.name = name;
            return this;
        }

        NewUserBuilder withPassword(String password) {
            this.password = password;
            return this;
        }

        NewUser build() {
            return new NewUser(Email.of(email), Optional.ofNullable(name).map(UserName::new),
                    HASHER.hash(Password.newPassword(password, "password")));
        }
    }

    static final class TaskBuilder {
        private String title = "Water the plants";
        private String description;
        private TaskStatus status = TaskStatus.PENDING;
        private LocalDate dueDate;

        TaskBuilder titled(String title) {
            this.title = title;
            return this;
        }

        TaskBuilder describedAs(String description) {
            this.description = description;
            return this;
        }

        TaskBuilder withStatus(TaskStatus status) {
            this.status = status;
            return this;
        }

        TaskBuilder dueOn(LocalDate dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        TaskDetails build() {
            return new TaskDetails(TaskTitle.of(title), Optional.ofNullable(description).map(TaskDescription::new),
                    status, Optional.ofNullable(dueDate));
        }
    }

    static final class MessageBuilder {
        private MessageRole role = MessageRole.USER;
        private String content = "Hello there";

        MessageBuilder from(MessageRole role) {
            this.role = role;
            return this;
        }

        MessageBuilder saying(String content) {
            this.content = content;
            return this;
        }

        NewMessage build() {
            return new NewMessage(role, new MessageContent(content));
        }
    }
}
