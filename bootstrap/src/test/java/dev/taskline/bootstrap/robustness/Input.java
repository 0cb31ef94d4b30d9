package dev.taskline.bootstrap.robustness;

import dev.taskline.bootstrap.api.ApiClient;
import dev.taskline.bootstrap.api.ApiRequest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request, exactly as it goes on the wire, and what the contract says the answer
 * must be.
 *
 * @param category    which generator made it, for the figures
 * @param path        already percent-encoded where needed (sent as it is)
 * @param contentType {@code null}: no {@code Content-Type} header
 * @param body        {@code null}: no body
 * @param chunked     sent without a {@code Content-Length}
 */
record Input(String category, String method, String path, Map<String, String> headers, String contentType, byte[] body, boolean chunked,
             Expected expected) {

    private static final int SHOWN_BYTES = 240;

    static Input of(String category, String method, String path, Expected expected) {
        return new Input(category, method, path, Map.of(), null, null, false, expected);
    }

    static Input json(String category, String method, String path, byte[] body, Expected expected) {
        return new Input(category, method, path, Map.of(), "application/json", body, false, expected);
    }

    Input withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Input(category, method, path, more, contentType, body, chunked, expected);
    }

    Input withContentType(String type) {
        return new Input(category, method, path, headers, type, body, chunked, expected);
    }

    Input withBody(byte[] bytes) {
        return new Input(category, method, path, headers, contentType, bytes, chunked, expected);
    }

    /** The request, authenticated with {@code authorization} unless the input sets its own header. */
    ApiRequest toRequest(ApiClient api, String authorization, Duration timeout) {
        ApiRequest request = api.request(method, path).timeout(timeout);
        if (authorization != null && !headers.containsKey("Authorization")) {
            request.authorization(authorization);
        }
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        if (body != null) {
            if (chunked) {
                request.chunkedBody(contentType, body);
            } else {
                request.body(contentType, body);
            }
        } else if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    /** Method, path, headers and the start of the body, with every byte outside printable ASCII shown as {@code \xNN}. */
    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder(method).append(' ').append(abbreviate(path, 300));
        Map<String, String> allHeaders = new LinkedHashMap<>(headers);
        if (contentType != null) {
            allHeaders.put("Content-Type", contentType);
        }
        allHeaders.forEach((name, value) -> shown.append(" [").append(name).append(": ").append(abbreviate(String.valueOf(value), 400)).append(']'));
        if (chunked) {
            shown.append(" [chunked]");
        }
        if (body != null) {
            shown.append(' ');
            for (int i = 0; i < Math.min(body.length, SHOWN_BYTES); i++) {
                int b = body[i] & 0xFF;
                if (b >= 0x20 && b < 0x7F) {
                    shown.append((char) b);
                } else {
                    shown.append(String.format("\\x%02X", b));
                }
            }
            if (body.length > SHOWN_BYTES) {
                shown.append("...(").append(body.length).append(" bytes)");
            }
        }
        return shown.toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }
}
