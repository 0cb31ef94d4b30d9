package dev.taskline.http.javalin.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskline.http.javalin.problem.Problems;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The JSON bodies of the API, in and out. Answers are written by {@link #send}; requests are read
 * as a Jackson tree, so that absent, {@code null} and wrongly typed fields can
 * be told apart (a data-binding read would blur them).
 *
 * <ul>
 *   <li>a {@code Content-Type} that is not JSON, or a non-empty body without one: 415;</li>
 *   <li>malformed JSON, a duplicate key, trailing content, a body that is not an object: 400;</li>
 *   <li>a body over the configured size: 413 (Javalin's {@code maxRequestSize} while reading).</li>
 * </ul>
 */
public final class JsonBodies {

    private static final int MAX_DETAIL_LENGTH = 200;

    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.writer = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * Answers {@code body} as JSON, serialized straight into the response stream (through
     * Javalin's compression when the client asks for it). {@code ctx.json} would build a String,
     * encode it and copy it with a new 8 KiB buffer: a third of all allocation on a simple GET.
     */
    public void send(Context ctx, Object body) {
        ctx.contentType(ContentType.APPLICATION_JSON);
        try {
            writer.writeValue(ctx.outputStream(), body);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the answer", failed);
        }
    }

    /** {@code body} as JSON bytes, for an answer written outside Javalin ({@code DirectRoutes}). */
    public byte[] bytes(Object body) {
        try {
            return writer.writeValueAsBytes(body);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the answer", failed);
        }
    }

    /** The body, which must be a JSON object. */
    public JsonFields requireObject(Context ctx) {
        return requireObject(ctx.contentType(), ctx::bodyAsBytes);
    }

    /** The body if there is one (empty when no body was sent); if there is one, it must be a JSON object. */
    public Optional<JsonFields> optionalObject(Context ctx) {
        return optionalObject(ctx.contentType(), ctx::bodyAsBytes);
    }

    /** {@link #requireObject(Context)} for a request served outside Javalin ({@code DirectRoutes}). */
    public JsonFields requireObject(String contentType, Supplier<byte[]> body) {
        return optionalObject(contentType, body).orElseThrow(Problems::notAJsonObject);
    }

    private Optional<JsonFields> optionalObject(String contentType, Supplier<byte[]> body) {
        String type = normalized(contentType);
        if (type != null && !MediaTypes.isJson(type)) {
            throw Problems.unsupportedMediaType(); // refused before the body is read at all
        }
        return parse(type, body.get());
    }

    /** The parsing rules without a request, for tests and for {@link #optionalObject}. */
    public Optional<JsonFields> parse(String contentType, byte[] body) {
        String type = normalized(contentType);
        if (type != null && !MediaTypes.isJson(type)) {
            throw Problems.unsupportedMediaType();
        }
        if (body.length == 0) {
            return Optional.empty();
        }
        if (type == null) {
            throw Problems.unsupportedMediaType();
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(strictUtf8(body));
        } catch (JacksonException malformed) {
            throw Problems.malformedJson(describe(malformed));
        } catch (IOException unreadable) {
            throw Problems.malformedJson("the body could not be read as JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            return Optional.empty(); // only whitespace
        }
        if (!(tree instanceof ObjectNode object)) {
            throw Problems.notAJsonObject();
        }
        return Optional.of(new JsonFields(object));
    }

    /**
     * The body decoded as UTF-8, refusing anything that is not (overlong forms, surrogates, code
     * points above U+10FFFF): Jackson's own decoder is lenient and would, for instance, read the
     * overlong C0 A2 as a quote the client never sent, or guess UTF-16 whatever was declared.
     */
    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw Problems.malformedJson("the body is not valid UTF-8");
        }
    }

    private static String normalized(String contentType) {
        return contentType == null || contentType.isBlank() ? null : contentType;
    }

    /** Jackson's own words without its source excerpt, plus where: enough to fix the request. */
    private static String describe(JacksonException malformed) {
        String message = Objects.requireNonNullElse(malformed.getOriginalMessage(), "unreadable JSON");
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > MAX_DETAIL_LENGTH) {
            message = message.substring(0, MAX_DETAIL_LENGTH) + "...";
        }
        var location = malformed.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return message;
    }
}
