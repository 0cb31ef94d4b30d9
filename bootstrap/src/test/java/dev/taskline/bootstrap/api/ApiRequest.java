package dev.taskline.bootstrap.api;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request under construction, for the cases {@link ApiClient}'s shortcuts do not cover (raw headers, raw bodies). */
public final class ApiRequest {
    private static final int SHOWN_BODY_CHARS = 300;

    private final ApiClient client;
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    private String shownBody = "";
    private Duration timeout = Duration.ofSeconds(30);

    public ApiRequest(ApiClient client, String method, String path) {
        this.client = client;
        this.method = method;
        this.path = path;
    }

    /** Authenticated as {@code user} (nothing when {@code null}). */
    public ApiRequest as(TestUser user) {
        return user == null ? this : authorization(user.authorization());
    }

    /** The raw {@code Authorization} header value. */
    public ApiRequest authorization(String value) {
        return header("Authorization", value);
    }

    public ApiRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A JSON body: a {@code String} is sent as it is (it may be deliberately broken), anything else serialized. */
    public ApiRequest json(Object value) {
        return body("application/json", Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    /** A body with the given {@code Content-Type} ({@code null}: no such header) and a {@code Content-Length}. */
    public ApiRequest body(String contentType, byte[] bytes) {
        contentType(contentType, bytes);
        body = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return this;
    }

    /** A body sent chunked, so that the server does not know its length before reading it. */
    public ApiRequest chunkedBody(String contentType, byte[] bytes) {
        contentType(contentType, bytes);
        body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        return this;
    }

    /** How long to wait for the answer (30 s unless set); past it, {@link #send} throws with an {@code HttpTimeoutException} cause. */
    public ApiRequest timeout(Duration answerWithin) {
        timeout = answerWithin;
        return this;
    }

    public ApiResponse send() {
        URI uri = client.uri(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body);
        headers.forEach(builder::header);
        String description = method + " " + path + (headers.isEmpty() ? "" : " " + shownHeaders()) + shownBody;
        return client.send(builder.build(), description);
    }

    private void contentType(String contentType, byte[] bytes) {
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        String text = new String(bytes, 0, Math.min(bytes.length, SHOWN_BODY_CHARS), StandardCharsets.UTF_8);
        shownBody = " " + text + (bytes.length > SHOWN_BODY_CHARS ? "...(" + bytes.length + " bytes)" : "");
    }

    private String shownHeaders() {
        Map<String, String> shown = new LinkedHashMap<>(headers);
        shown.computeIfPresent("Authorization", (name, value) -> value.length() > 40 ? value.substring(0, 40) + "..." : value);
        return shown.toString();
    }
}
