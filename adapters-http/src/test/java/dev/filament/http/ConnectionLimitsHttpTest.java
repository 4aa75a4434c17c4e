package dev.filament.http;

import dev.filament.application.shared.testing.Eventually;
import dev.filament.http.testing.HttpFixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * SPEC 2.1 at the connection: the request-head deadline (a trickle does not restart it) and the process and
 * per-peer connection caps, each rejection counted in {@code filament_connections_rejected_total{reason}}.
 */
class ConnectionLimitsHttpTest {

    @Test
    void aHeadTrickledOneByteASecondIsClosedAtTheTenSecondDeadline() throws Exception {
        try (HttpFixture server = HttpFixture.builder().start();
             Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            AtomicBoolean stop = new AtomicBoolean();
            long start = System.nanoTime();
            out.write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread trickler = Thread.ofVirtual().start(() -> {
                try {
                    while (!stop.get()) {
                        Thread.sleep(1_000);
                        out.write('a');
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection: the outcome under test
                }
            });
            try {
                assertThat(readUntilClosed(s.getInputStream())).as("no response, just the close").isEmpty();
            } finally {
                stop.set(true);
                trickler.join(5_000);
            }
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertThat(seconds).as("closed at the 10 s deadline, not before and not by the 30 s idle timeout")
                    .isBetween(9L, 14L);
            assertThat(rejected(server, "head_timeout")).isEqualTo(1.0);
        }
    }

    @Test
    void aHeadCompletedInTimeIsServedAndTheConnectionStaysUsable() throws Exception {
        try (HttpFixture server = HttpFixture.builder().connections(
                new HttpSettings.ConnectionLimits(100, 10, Duration.ofSeconds(2))).start();
             Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(500); // a head split across reads, well inside the deadline
            out.write("st: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponseHead(s.getInputStream())).startsWith("HTTP/1.1 200");
            Thread.sleep(2_500); // idle between requests is not a late head
            out.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponseHead(s.getInputStream())).startsWith("HTTP/1.1 200");
            assertThat(rejected(server, "head_timeout")).isZero();
        }
    }

    @Test
    void theConnectionPastThePerPeerCapIsClosedAtOnce() throws Exception {
        try (HttpFixture server = HttpFixture.builder().connections(
                new HttpSettings.ConnectionLimits(100, 3, Duration.ofSeconds(10))).start()) {
            List<Socket> admitted = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    admitted.add(servedConnection(server));
                }
                try (Socket fourth = new Socket("127.0.0.1", server.port())) {
                    fourth.setSoTimeout(5_000);
                    assertThat(readUntilClosed(fourth.getInputStream())).isEmpty();
                }
                assertThat(rejected(server, "peer")).isEqualTo(1.0);
                admitted.remove(0).close();
                admitted.add(reconnectWithin(server, Duration.ofSeconds(5)));
            } finally {
                for (Socket s : admitted) {
                    s.close();
                }
            }
        }
    }

    @Test
    void trustedProxiesSkipThePerPeerCapButNotTheProcessCap() throws Exception {
        try (HttpFixture server = HttpFixture.builder().trust("127.0.0.1/32").connections(
                new HttpSettings.ConnectionLimits(3, 1, Duration.ofSeconds(10))).start()) {
            List<Socket> admitted = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    admitted.add(servedConnection(server));
                }
                try (Socket fourth = new Socket("127.0.0.1", server.port())) {
                    fourth.setSoTimeout(5_000);
                    assertThat(readUntilClosed(fourth.getInputStream())).isEmpty();
                }
                assertThat(rejected(server, "process")).isEqualTo(1.0);
                assertThat(rejected(server, "peer")).isZero();
            } finally {
                for (Socket s : admitted) {
                    s.close();
                }
            }
        }
    }

    /** A keep-alive connection that completed one request, so the server has surely admitted it. */
    private static Socket servedConnection(HttpFixture server) throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(5_000);
        s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        assertThat(readResponseHead(s.getInputStream())).startsWith("HTTP/1.1 200");
        return s;
    }

    /** The server releases a closed connection's slot asynchronously: retry until admitted, within a bound. */
    private static Socket reconnectWithin(HttpFixture server, Duration bound) throws Exception {
        return Eventually.retrying("a new connection is admitted", bound,
                List.of(IOException.class, AssertionError.class), () -> servedConnection(server));
    }

    private static double rejected(HttpFixture server, String reason) {
        var counter = server.prometheus.find("filament.connections.rejected").tag("reason", reason).counter();
        return counter == null ? 0.0 : counter.count();
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        StringBuilder got = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                got.append((char) b);
            }
        } catch (SocketException reset) {
            // a reset is a close as well
        }
        return got.toString();
    }

    /** Reads one response's status line, headers and its Content-Length body. */
    private static String readResponseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        String text = head.toString();
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        if (at >= 0) {
            int len = Integer.parseInt(text.substring(at + 15, text.indexOf("\r\n", at)).trim());
            in.readNBytes(len);
        }
        return text;
    }
}
