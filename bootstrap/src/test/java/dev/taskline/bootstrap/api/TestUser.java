package dev.taskline.bootstrap.api;

/** A registered account as a client knows it: its id and credentials, and the access token it got. */
public record TestUser(long id, String email, String password, String token) {

    public String authorization() {
        return "Bearer " + token;
    }

    public TestUser withPassword(String newPassword) {
        return new TestUser(id, email, newPassword, token);
    }

    public TestUser withToken(String newToken) {
        return new TestUser(id, email, password, newToken);
    }

    @Override
    public String toString() {
        return "TestUser[" + id + ", " + email + "]";
    }
}
