package dev.taskline.archfixture.domain.model.user;

public record UserId(long value) {
}
