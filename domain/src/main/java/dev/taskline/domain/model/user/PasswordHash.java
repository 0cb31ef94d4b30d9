package dev.taskline.domain.model.user;

/** A hash produced by the {@code PasswordHasher}; the domain never looks inside. */
public record PasswordHash(String value) {

    public PasswordHash {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a password hash must not be blank");
        }
    }

    /** Masked: a hash is still worth cracking, so it stays out of logs. */
    @Override
    public String toString() {
        return "PasswordHash[***]";
    }
}
