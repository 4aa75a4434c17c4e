package dev.filament.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client of the gateway that records every frame and the close. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(15);

    private final List<JsonNode> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private WebSocket socket;

    static WsClient connect(int port, String token) throws Exception {
        return connect(port, token, null);
    }

    /** Connects with an {@code X-Forwarded-For} (for a server that trusts the loopback peer as its proxy). */
    static WsClient connect(int port, String token, String forwardedFor) throws Exception {
        WsClient client = new WsClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token);
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        client.socket = builder
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/gateway/ws"), client)
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    /**
     * Connects through a shared {@code http} client (one selector thread for many sockets) with an extra query string,
     * e.g. the resume parameters of SPEC 9.11.
     */
    static WsClient connect(HttpClient http, int port, String token, String query) throws Exception {
        WsClient client = new WsClient();
        client.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/gateway/ws" + (query.isEmpty() ? "" : "?" + query)),
                        client)
                .get(20, TimeUnit.SECONDS);
        return client;
    }

    /** The resume parameters for the frames processed so far: the latest key and the last {@code s}. */
    String resumeQuery() {
        List<JsonNode> all = frames();
        String key = null;
        for (JsonNode f : all) {
            if (f.path("d").has("resume_key")) {
                key = f.path("d").path("resume_key").asText();
            }
        }
        return "resume_key=" + key + "&resume_seq=" + all.getLast().path("s").asLong();
    }

    /** Closes with {@code code} (anything but 1000 keeps the session resumable) and drops the socket. */
    void closeWith(int code) {
        socket.sendClose(code, "brb").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode frame = JSON.readTree(partial.toString());
                synchronized (frames) {
                    frames.add(frame);
                    frames.notifyAll();
                }
            } catch (Exception e) {
                closed.completeExceptionally(e);
            }
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete("error " + error.getClass().getSimpleName());
    }

    void send(String type, String data) {
        socket.sendText("{\"v\":1,\"t\":\"" + type + "\",\"d\":" + data + "}", true).join();
    }

    void subscribe(String guild, String channel) {
        send("subscribe", "{\"guild_id\":\"" + guild + "\",\"channel_id\":\"" + channel + "\"}");
    }

    List<JsonNode> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    /** The first frame from index {@code from} on that matches; fails after {@link #WAIT}. */
    JsonNode await(Predicate<JsonNode> match) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (frames) {
            int seen = 0;
            while (true) {
                for (; seen < frames.size(); seen++) {
                    if (match.test(frames.get(seen))) {
                        return frames.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching frame within " + WAIT + "; got " + frames);
                }
                frames.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    JsonNode await(String type) throws InterruptedException {
        return await(f -> type.equals(f.path("t").asText()));
    }

    long count(String type) {
        return frames().stream().filter(f -> type.equals(f.path("t").asText())).count();
    }

    /** Drops the TCP connection without a close frame. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(1000, "bye");
        }
        socket.abort();
    }
}
