package dev.taskline.http.javalin.auth;

import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserName;
import java.time.Instant;

/** {@code {"id", "email", "name", "created_at", "updated_at"}}: never the password hash. */
public record UserResponse(long id, String email, String name, Instant createdAt, Instant updatedAt) {

    public static UserResponse from(User user) {
        return new UserResponse(user.id().value(), user.email().value(), user.name().map(UserName::value).orElse(null),
                user.createdAt(), user.updatedAt());
    }
}
