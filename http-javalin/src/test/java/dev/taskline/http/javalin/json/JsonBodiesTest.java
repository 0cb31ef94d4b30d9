package dev.taskline.http.javalin.json;

import dev.taskline.http.javalin.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodiesTest {

    private final JsonBodies bodies = new JsonBodies(JsonConfig.objectMapper());

    @Test
    void jsonObject_isRead() {
        var fields = bodies.parse("application/json", bytes("{\"title\": \"x\", \"unknown\": 1}"));

        assertThat(fields).isPresent();
        assertThat(fields.get().string("title")).isEqualTo("x");
    }

    @Test
    void emptyBody_isNoBody_withOrWithoutAContentType() {
        assertThat(bodies.parse(null, new byte[0])).isEmpty();
        assertThat(bodies.parse("application/json", new byte[0])).isEmpty();
        assertThat(bodies.parse("application/json", bytes("  \n"))).isEmpty();
    }

    @Test
    void malformedJson_is400() {
        for (String body : List.of("{", "{\"title\": }", "{'title': 'x'}", "{\"a\":1} trailing", "{\"a\":1}{}", "nul",
                "{\"a\": NaN}", "{\"a\": 01}", "{\"a\": \"\u0000\"}", "{/*c*/}")) {
            assertProblem(() -> bodies.parse("application/json", bytes(body)), 400, "malformed-request");
        }
    }

    @Test
    void invalidUtf8_is400() {
        assertProblem(() -> bodies.parse("application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}),
                400, "malformed-request");
    }

    @Test
    void overlongAndOutOfRangeUtf8_thatJacksonWouldDecode_is400() {
        byte[][] sequences = {
                {(byte) 0xC1, (byte) 0x81},                           // overlong "A"
                {(byte) 0xC0, (byte) 0xA2},                           // overlong quote
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},              // an encoded surrogate
                {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
        };
        for (byte[] sequence : sequences) {
            byte[] body = new byte[11 + sequence.length + 2];
            System.arraycopy(bytes("{\"title\":\"a"), 0, body, 0, 11);
            System.arraycopy(sequence, 0, body, 11, sequence.length);
            System.arraycopy(bytes("\"}"), 0, body, 11 + sequence.length, 2);
            assertProblem(() -> bodies.parse("application/json", body), 400, "malformed-request");
        }
    }

    @Test
    void utf16Body_declaredUtf8_is400_notGuessed() {
        byte[] utf16 = "{\"title\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertProblem(() -> bodies.parse("application/json; charset=utf-8", utf16), 400, "malformed-request");
    }

    @Test
    void contentTypeOfOnlySemicolons_isNotJson_415() {
        for (String contentType : List.of(";", ";;", " ; ")) {
            assertThat(MediaTypes.isJson(contentType)).as(contentType).isFalse();
            assertProblem(() -> bodies.parse(contentType, bytes("{}")), 415, "unsupported-media-type");
        }
    }

    @Test
    void duplicateKeys_are400_namingTheKey() {
        assertThatThrownBy(() -> bodies.parse("application/json", bytes("{\"title\": \"a\", \"title\": \"b\"}")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.problem().status()).isEqualTo(400);
                    assertThat(problem.problem().detail()).contains("title");
                });
    }

    @Test
    void jsonThatIsNotAnObject_is400() {
        for (String body : List.of("[]", "null", "\"text\"", "42", "true")) {
            assertProblem(() -> bodies.parse("application/json", bytes(body)), 400, "malformed-request");
        }
    }

    @Test
    void nonJsonContentType_is415_evenWithoutABody() {
        assertProblem(() -> bodies.parse("text/plain", bytes("{}")), 415, "unsupported-media-type");
        assertProblem(() -> bodies.parse("application/x-www-form-urlencoded", new byte[0]), 415, "unsupported-media-type");
    }

    @Test
    void bodyWithoutAContentType_is415() {
        assertProblem(() -> bodies.parse(null, bytes("{}")), 415, "unsupported-media-type");
        assertProblem(() -> bodies.parse("", bytes("{}")), 415, "unsupported-media-type");
    }

    @Test
    void mediaTypes_acceptJsonWithAnUtf8Charset_andJsonSuffixes() {
        assertThat(MediaTypes.isJson("application/json")).isTrue();
        assertThat(MediaTypes.isJson("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(MediaTypes.isJson("application/json;charset=\"utf-8\"")).isTrue();
        assertThat(MediaTypes.isJson("application/merge-patch+json")).isTrue();

        assertThat(MediaTypes.isJson("application/json; charset=iso-8859-1")).isFalse();
        assertThat(MediaTypes.isJson("text/json")).isFalse();
        assertThat(MediaTypes.isJson("text/plain")).isFalse();
        assertThat(MediaTypes.isJson("application/jsonx")).isFalse();
        assertThat(MediaTypes.isJson(null)).isFalse();
    }

    private static void assertProblem(Runnable parse, int status, String type) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.problem().status()).isEqualTo(status);
            assertThat(problem.problem().type()).endsWith("/" + type);
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
