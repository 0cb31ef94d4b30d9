package dev.taskline.http.javalin.security;

import io.javalin.security.RouteRole;

/**
 * Route metadata for {@link BearerAuthentication}. Routes need a token unless marked
 * {@link #PUBLIC}: forgetting the marker fails closed.
 */
public enum Access implements RouteRole {
    /** No token needed: health, registration, login. */
    PUBLIC
}
