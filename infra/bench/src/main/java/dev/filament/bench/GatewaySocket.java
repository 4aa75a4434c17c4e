package dev.filament.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One gateway connection (SPEC 9): subscribes to the bench channel after {@code ready}, then hands every
 * {@code message_create} frame to the {@link DeliveryTracker} with its receive time. Frames are not fully parsed:
 * a string test on the envelope type keeps the client's CPU cost per frame small.
 */
final class GatewaySocket implements WebSocket.Listener {
    private final String subscribeFrame;
    private final DeliveryTracker tracker;
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean closing;

    GatewaySocket(String guildId, String channelId, DeliveryTracker tracker) {
        this.subscribeFrame = "{\"v\":1,\"t\":\"subscribe\",\"d\":{\"guild_id\":\"" + guildId
                + "\",\"channel_id\":\"" + channelId + "\"}}";
        this.tracker = tracker;
    }

    CompletableFuture<Void> subscribed() {
        return subscribed;
    }

    void closing() {
        closing = true;
    }

    @Override
    public void onOpen(WebSocket ws) {
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        long now = System.nanoTime();
        if (!last) {
            partial.append(data);
        } else {
            String frame = partial.isEmpty() ? data.toString() : partial.append(data).toString();
            partial.setLength(0);
            handle(ws, frame, now);
        }
        ws.request(1);
        return null;
    }

    private void handle(WebSocket ws, String frame, long now) {
        if (frame.contains("\"t\":\"message_create\"")) {
            tracker.received(frame, now);
        } else if (frame.contains("\"t\":\"ready\"")) {
            ws.sendText(subscribeFrame, true);
        } else if (frame.contains("\"t\":\"subscribed\"")) {
            subscribed.complete(null);
        } else if (frame.contains("\"t\":\"error\"")) {
            subscribed.completeExceptionally(new IllegalStateException("subscribe refused: " + frame));
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        if (!closing) {
            tracker.socketEvent("socket_closed_" + statusCode);
        }
        subscribed.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        if (!closing) {
            tracker.socketEvent("socket_error");
        }
        subscribed.completeExceptionally(error);
    }
}
