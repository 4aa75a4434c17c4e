package dev.filament.http.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real WebSocket client (java.net.http) that collects frames and the close, with bounded waits. */
final class GatewayClient implements WebSocket.Listener, AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    final AtomicInteger pings = new AtomicInteger();
    private volatile CountDownLatch pingTarget = new CountDownLatch(0);
    WebSocket socket;

    static GatewayClient connect(String url, String token) throws Exception {
        GatewayClient client = new GatewayClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        client.socket = builder.buildAsync(URI.create(url), client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.incrementAndGet();
        pingTarget.countDown();
        webSocket.request(1);
        return null; // the client answers with a pong on its own
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("error " + error.getClass().getSimpleName());
    }

    /** The next server frame, parsed. */
    JsonNode next() throws Exception {
        String frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frame).as("a frame within %s", WAIT).isNotNull();
        return MAPPER.readTree(frame);
    }

    /** Reads the {@code ready} frame every connection starts with. */
    JsonNode ready() throws Exception {
        JsonNode ready = next();
        assertThat(ready.path("t").asText()).isEqualTo("ready");
        return ready;
    }

    /** Waits until {@code count} more pings arrived from the server. */
    void awaitPings(int count) throws InterruptedException {
        CountDownLatch target = new CountDownLatch(count);
        pingTarget = target;
        assertThat(target.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("%s pings", count).isTrue();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** {@code "<code> <reason>"} of the server's close frame, or {@code "error ..."} when the socket just dropped. */
    String awaitClose() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
