package dev.taskline.bootstrap.api;

import java.util.List;

/**
 * Every route of the contract, with a body the route would accept, so that a test can walk "every
 * endpoint" without listing them again. {@code {task}} and {@code {conversation}} stand for ids.
 */
public record Endpoint(String method, String template, boolean authenticated, String validBody) {

    public static final List<Endpoint> ALL = List.of(
            new Endpoint("POST", "/api/v1/auth/register", false, "{\"email\":\"catalogue@example.com\",\"password\":\"" + ApiClient.PASSWORD + "\"}"),
            new Endpoint("POST", "/api/v1/auth/login", false, "{\"email\":\"catalogue@example.com\",\"password\":\"" + ApiClient.PASSWORD + "\"}"),
            new Endpoint("GET", "/api/v1/me", true, null),
            new Endpoint("PATCH", "/api/v1/me", true, "{\"name\":\"Renamed by the catalogue\"}"),
            new Endpoint("DELETE", "/api/v1/me", true, null),
            new Endpoint("GET", "/api/v1/tasks", true, null),
            new Endpoint("POST", "/api/v1/tasks", true, "{\"title\":\"created by the catalogue\"}"),
            new Endpoint("GET", "/api/v1/tasks/{task}", true, null),
            new Endpoint("PATCH", "/api/v1/tasks/{task}", true, "{\"title\":\"patched by the catalogue\"}"),
            new Endpoint("DELETE", "/api/v1/tasks/{task}", true, null),
            new Endpoint("GET", "/api/v1/conversations", true, null),
            new Endpoint("POST", "/api/v1/conversations", true, "{}"),
            new Endpoint("GET", "/api/v1/conversations/{conversation}", true, null),
            new Endpoint("DELETE", "/api/v1/conversations/{conversation}", true, null),
            new Endpoint("GET", "/api/v1/conversations/{conversation}/messages", true, null),
            new Endpoint("POST", "/api/v1/conversations/{conversation}/messages", true, "{\"role\":\"user\",\"content\":\"from the catalogue\"}"),
            new Endpoint("GET", "/health", false, null));

    /** Every route that needs a token. */
    public static List<Endpoint> authenticatedOnes() {
        return ALL.stream().filter(Endpoint::authenticated).toList();
    }

    /** Every route that reads a JSON body. */
    public static List<Endpoint> withBody() {
        return ALL.stream().filter(endpoint -> endpoint.validBody() != null).toList();
    }

    /** Every route with a task or conversation id in its path. */
    public static List<Endpoint> withId() {
        return ALL.stream().filter(endpoint -> endpoint.template().contains("{")).toList();
    }

    /** The path with the ids filled in; the same raw text stands in for both placeholders. */
    public String path(String task, String conversation) {
        return template.replace("{task}", task).replace("{conversation}", conversation);
    }

    public String path(long task, long conversation) {
        return path(Long.toString(task), Long.toString(conversation));
    }

    /** Sends this route's request: its valid body, if it has one, and the given credentials. */
    public ApiResponse send(ApiClient api, String path, String authorization) {
        ApiRequest request = api.request(method, path);
        if (authorization != null) {
            request.authorization(authorization);
        }
        if (validBody != null) {
            request.json(validBody);
        }
        return request.send();
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
