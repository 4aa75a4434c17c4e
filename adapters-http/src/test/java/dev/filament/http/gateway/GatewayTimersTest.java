package dev.filament.http.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC 9.3, 9.6, 9.10 with short timers: heartbeat, session re-check and token expiry close the socket. */
class GatewayTimersTest {
    private GatewayTestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private GatewayTestServer start(Duration ping, Duration pong, Duration recheck) {
        server = GatewayTestServer.start(s -> s.withHeartbeat(ping, pong).withSessionRecheck(recheck));
        return server;
    }

    /** Call after the client saw {@code ready}: the core registers a connection before sending it. */
    private ConnectionId onlyConnection() {
        assertThat(server.gateway.connected()).hasSize(1);
        return server.gateway.connected().iterator().next();
    }

    @Test
    void aClientThatAnswersPings_staysOpenPastManyPongDeadlines() throws Exception {
        start(Duration.ofMillis(30), Duration.ofSeconds(1), Duration.ofMinutes(1));
        try (GatewayClient client = server.connect()) {
            client.ready();
            ConnectionId connection = onlyConnection();
            client.awaitPings(110); // 110 pings span more than three pong deadlines

            assertThat(client.closed).isNotDone();
            assertThat(server.gateway.closeReason(connection)).isEmpty();
        }
    }

    @Test
    void aClientThatNeverAnswersPings_isDroppedWithoutACloseFrame() throws Exception {
        start(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofMinutes(1));
        String token = server.identity.tokenFor(new UserId(TestIds.ulid()), Duration.ofMinutes(5));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            handshake(socket, token);

            List<Integer> opcodes = readFramesUntilEof(socket.getInputStream());

            // the core records the reason before the socket is dropped, so EOF means it is there
            assertThat(server.gateway.closedConnections().values()).containsExactly(CloseReason.HEARTBEAT_TIMEOUT);
            assertThat(server.gateway.connected()).isEmpty();
            assertThat(opcodes).contains(0x1, 0x9).doesNotContain(0x8); // text (ready), pings, no close frame
        }
    }

    @Test
    void aSessionRevokedAfterTheUpgrade_closes4401SessionRevokedAtTheNextRecheck() throws Exception {
        start(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMillis(100));
        String token = server.identity.tokenFor(new UserId(TestIds.ulid()), Duration.ofMinutes(5));
        try (GatewayClient client = GatewayClient.connect(server.url(""), token)) {
            client.ready();
            server.identity.revoke(token);

            assertThat(client.awaitClose()).isEqualTo("4401 session_revoked");
        }
    }

    @Test
    void anAccessTokenReachingItsExpiry_closes4401TokenExpired() throws Exception {
        start(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(1));
        String token = server.identity.tokenFor(new UserId(TestIds.ulid()), Duration.ofSeconds(3));
        try (GatewayClient client = GatewayClient.connect(server.url(""), token)) {
            client.ready();

            assertThat(client.awaitClose()).isEqualTo("4401 token_expired");
        }
    }

    private static void handshake(Socket socket, String token) throws IOException {
        Map<String, String> headers = RawUpgrade.upgradeHeaders();
        headers.put("Authorization", "Bearer " + token);
        StringBuilder request = new StringBuilder("GET " + GatewayRoutes.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) { // skip the 101 response head
            int b = in.read();
            assertThat(b).as("response head").isNotNegative();
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    // Server frames are unmasked: FIN/opcode byte, length byte (126/127 extend it), payload.
    private static List<Integer> readFramesUntilEof(InputStream in) throws IOException {
        List<Integer> opcodes = new ArrayList<>();
        try {
            for (int first = in.read(); first >= 0; first = in.read()) {
                opcodes.add(first & 0x0F);
                int len = in.read() & 0x7F;
                long length = len == 126 ? (in.read() << 8 | in.read())
                        : len == 127 ? new java.io.DataInputStream(in).readLong() : len;
                in.skipNBytes(length);
            }
        } catch (SocketException reset) {
            // an aborted connection may surface as a reset rather than EOF
        }
        return opcodes;
    }
}
