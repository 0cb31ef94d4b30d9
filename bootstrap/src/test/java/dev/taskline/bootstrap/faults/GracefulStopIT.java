package dev.taskline.bootstrap.faults;

import dev.taskline.bootstrap.DatabaseTimeouts;
import dev.taskline.bootstrap.TasklineServer;
import dev.taskline.db.DatabaseUrl;
import dev.taskline.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that keeps its connection open across a stop (keep-alive, as every HTTP client does):
 * once {@link TasklineServer#close()} has begun, its next request is answered 503 with a problem
 * document and {@code Connection: close}, so that it goes elsewhere, rather than served by a
 * server that is about to close its database pool; and the open connection does not hold the
 * stop up. The 503 is the {@code GracefulHandler}'s doing (GracefulShutdown): without it this
 * request was served 200.
 */
class GracefulStopIT {

    @TempDir
    Path dataDirectory;

    @Test
    void aRequestOnAConnectionKeptOpen_afterTheStopBegan_isAnswered503AndClose_andTheStopDoesNotWaitForTheConnection()
            throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            DatabaseUrl url = database.url();
            TasklineServer server = FaultServers.start(url, 2, DatabaseTimeouts.DEFAULTS, dataDirectory);
            int port = server.baseUri().getPort();
            try (Socket kept = new Socket("127.0.0.1", port)) {
                kept.setSoTimeout(10_000);
                assertThat(exchange(kept, port)).startsWith("HTTP/1.1 200 ");

                long stopStarted = System.nanoTime();
                Thread stopper = Thread.ofPlatform().name("stopper").start(server::close);
                awaitNoNewConnections(port);
                Thread.sleep(100); // the listener may close a moment before the handlers are marked as stopping
                String late = exchange(kept, port);
                stopper.join(Duration.ofSeconds(20));
                Duration stopTook = Duration.ofNanos(System.nanoTime() - stopStarted);

                assertThat(late).startsWith("HTTP/1.1 503 ");
                assertThat(late.toLowerCase(Locale.ROOT))
                        .contains("\r\ncontent-type: application/problem+json")
                        .contains("\r\nconnection: close");
                assertThat(late).endsWith("\"status\":503,\"detail\":\"Service Unavailable\"}");
                assertThat(stopper.isAlive()).as("close() still running after 20 s").isFalse();
                assertThat(stopTook).as("far below the stop timeout (25 s by default)")
                        .isLessThan(Duration.ofSeconds(10));
            }
        }
    }

    /** The stop has begun once the listening socket refuses a new connection. */
    private static void awaitNoNewConnections(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // a time-out or a reset: try again
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the server still accepted connections 10 s after close() began");
    }

    /** Sends {@code GET /health} on the socket; the whole response (head and body) as text. */
    private static String exchange(Socket socket, int port) throws IOException {
        socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        while (!response.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before a response head: " + response.toString(StandardCharsets.US_ASCII));
            }
            response.write(b);
        }
        String head = response.toString(StandardCharsets.US_ASCII);
        int length = head.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst()
                .orElseThrow(() -> new IOException("no Content-Length: " + head));
        response.write(in.readNBytes(length));
        return response.toString(StandardCharsets.UTF_8);
    }
}
