package dev.taskline.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One answer of the server, with the request that produced it: its {@link #toString()} is the
 * description of every failed assertion, so a failure reads as "request, status, headers, body".
 */
public record ApiResponse(String request, int status, HttpHeaders headers, String body) {

    /** Asserts the status and returns this answer. */
    public ApiResponse expect(int expectedStatus) {
        assertThat(status).as("status of %s", this).isEqualTo(expectedStatus);
        return this;
    }

    public JsonNode json() {
        return Json.parse(body);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String etag() {
        return header("ETag").orElseThrow(() -> new AssertionError("no ETag on " + this));
    }

    public long id() {
        JsonNode id = json().get("id");
        assertThat(id).as("id of %s", this).isNotNull();
        assertThat(id.isIntegralNumber()).as("id is a JSON integer in %s", this).isTrue();
        return id.longValue();
    }

    @Override
    public String toString() {
        String shown = body.length() > 2_000 ? body.substring(0, 2_000) + "...(" + body.length() + " chars)" : body;
        return request + " -> " + status + " " + headers.map() + " " + shown;
    }
}
