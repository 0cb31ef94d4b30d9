package dev.taskline.http.javalin.auth;

import dev.taskline.domain.model.user.User;
import dev.taskline.http.javalin.security.IssuedToken;
import dev.taskline.http.javalin.security.JwtTokens;

/** {@code {"user": User, "access_token", "token_type": "Bearer", "expires_in": seconds}}. */
public record TokenResponse(UserResponse user, String accessToken, String tokenType, long expiresIn) {

    public static TokenResponse from(User user, IssuedToken token) {
        return new TokenResponse(UserResponse.from(user), token.value(), JwtTokens.TOKEN_TYPE, token.expiresInSeconds());
    }

    @Override
    public String toString() {
        return "TokenResponse[user=" + user + ", accessToken=***, tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
