package dev.taskline.http.javalin.security;

import java.util.Objects;

/** A freshly signed access token and how many seconds it stays valid. */
public record IssuedToken(String value, long expiresInSeconds) {

    public IssuedToken {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "IssuedToken[value=***, expiresInSeconds=" + expiresInSeconds + "]";
    }
}
