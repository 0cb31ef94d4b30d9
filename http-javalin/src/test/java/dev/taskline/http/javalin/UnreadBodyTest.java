package dev.taskline.http.javalin;

import dev.taskline.http.javalin.security.JwtTokens;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An early answer (413, 415, 401) to a request whose body is still on its way must reach a client
 * that reads only after it has sent everything. These tests are such a client on a raw socket: it
 * sends the headers, reads the answer, and only then sends the body. Without the drain, Jetty closes
 * the connection with input unread, and the client's sending fails with a reset (the answer is then
 * easily lost: flaky "no answer" in CI).
 */
class UnreadBodyTest {

    private static final byte[] SECRET = "an HTTP test secret of 32+ bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final int LIMIT = (int) HttpSettings.DEFAULT_MAX_REQUEST_BYTES;

    private static Javalin app;
    private static String bearer;

    @BeforeAll
    static void start() {
        HttpSettings settings = HttpSettings.defaults(JwtSettings.of(SECRET));
        app = HttpApi.create(settings, FakeUseCases.create(), () -> true).start(0);
        bearer = "Bearer " + new JwtTokens(settings.jwt()).issue(FakeUseCases.ALICE_ID).value();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void aDeclaredLengthOverTheLimit_isAnswered413_beforeTheBody_whichIsThenReadToTheEnd() throws IOException {
        try (RawConnection connection = new RawConnection()) {
            connection.send("POST /api/v1/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n");

            String answer = connection.readResponse();
            assertThat(answer).startsWith("HTTP/1.1 413");

            connection.send(spaces(LIMIT + 1)); // a reset would fail this write
            assertTheConnectionClosesCleanly(connection, answer);
        }
    }

    @Test
    void aChunkedBodyOfTheWrongType_isAnswered415_beforeItsLastChunk_whichIsThenRead() throws IOException {
        try (RawConnection connection = new RawConnection()) {
            connection.send("POST /api/v1/conversations HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer
                    + "\r\nContent-Type: application/json; charset=utf-16\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{  \r\n");

            String answer = connection.readResponse();
            assertThat(answer).startsWith("HTTP/1.1 415");

            connection.send("2\r\n\r\n\r\n0\r\n\r\n");
            assertTheConnectionClosesCleanly(connection, answer);
        }
    }

    @Test
    void aBodyWithoutAValidToken_isAnswered401_beforeTheBody_whichIsThenRead() throws IOException {
        try (RawConnection connection = new RawConnection()) {
            connection.send("POST /api/v1/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer nope"
                    + "\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n\r\n");

            String answer = connection.readResponse();
            assertThat(answer).startsWith("HTTP/1.1 401");

            connection.send(spaces(200_000));
            assertTheConnectionClosesCleanly(connection, answer);
        }
    }

    @Test
    void aBodyReadWholeAndThenRefused_keepsTheConnection() throws IOException {
        try (RawConnection connection = new RawConnection()) {
            String blankTitle = "{\"title\":\"   \"}";
            connection.send("POST /api/v1/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + blankTitle.length() + "\r\n\r\n" + blankTitle);

            String answer = connection.readResponse();
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");

            connection.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(connection.readResponse()).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aBodyDeclaredOverTheDrainBudget_isNotWaitedFor_theConnectionCloses() throws IOException {
        try (RawConnection connection = new RawConnection()) {
            connection.send("POST /api/v1/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (4L * LIMIT + 1) + "\r\n\r\n");

            assertThat(connection.readResponse()).startsWith("HTTP/1.1 413");
            assertThat(connection.in.read()).as("end of stream: the server closed").isEqualTo(-1);
        }
    }

    @Test
    void aSlowSender_isReadForAtMostTheTimeLimit_thenTheConnectionIsDropped() throws Exception {
        try (RawConnection connection = new RawConnection()) {
            connection.send("POST /api/v1/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n");
            assertTheConnectionClosesCleanly(connection, connection.readResponse()); // the answer comes at once

            long answered = System.nanoTime();
            long droppedAfterMillis = -1;
            while (droppedAfterMillis < 0 && System.nanoTime() - answered < 20_000_000_000L) {
                try {
                    connection.send(spaces(100)); // a trickle the server keeps reading, until it lets go
                    Thread.sleep(200);
                } catch (IOException reset) {
                    droppedAfterMillis = (System.nanoTime() - answered) / 1_000_000;
                }
            }
            assertThat(droppedAfterMillis).as("ms until the server stopped reading").isBetween(4_000L, 12_000L);
        }
    }

    /** The answer said it closes the connection, and the server closed it with a FIN once it had read the body, not a reset. */
    private static void assertTheConnectionClosesCleanly(RawConnection connection, String answer) throws IOException {
        assertThat(answer.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");
        assertThat(connection.in.read()).as("a clean end of stream").isEqualTo(-1);
    }

    private static String spaces(int count) {
        char[] spaces = new char[count];
        Arrays.fill(spaces, ' ');
        return new String(spaces);
    }

    /** One HTTP/1.1 connection, written and read by hand. */
    private static final class RawConnection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        RawConnection() throws IOException {
            socket = new Socket("localhost", app.port());
            socket.setSoTimeout(15_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** The status line, the headers and a body of the length the headers declare. */
        String readResponse() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!endsWithBlankLine(head)) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("the connection closed before an answer");
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
