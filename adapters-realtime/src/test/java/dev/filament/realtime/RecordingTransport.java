package dev.filament.realtime;

import dev.filament.application.gateway.port.out.GatewaySocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Fake transport that records every frame and the close; tests wait on it with generous timeouts. */
final class RecordingTransport implements GatewaySocket {
    private final List<Frame> frames = new ArrayList<>();
    private final List<String> closes = new ArrayList<>();
    private boolean aborted;

    /** One parsed server frame. */
    record Frame(String type, String payloadJson, long sequence) {
        static Frame parse(String text) {
            int typeStart = text.indexOf("\"t\":\"") + 5;
            int typeEnd = text.indexOf("\",\"d\":", typeStart);
            int seqStart = text.lastIndexOf(",\"s\":");
            return new Frame(text.substring(typeStart, typeEnd), text.substring(typeEnd + 6, seqStart),
                    Long.parseLong(text.substring(seqStart + 5, text.length() - 1)));
        }
    }

    @Override
    public synchronized void sendText(String text) {
        if (!text.startsWith("{\"v\":1,\"t\":\"") || !text.endsWith("}")) {
            throw new AssertionError("not an envelope: " + text);
        }
        frames.add(Frame.parse(text));
        notifyAll();
    }

    @Override
    public synchronized void close(int code, String reason) {
        closes.add(code + " " + reason);
        notifyAll();
    }

    @Override
    public synchronized void abort() {
        aborted = true;
        notifyAll();
    }

    synchronized List<Frame> frames() {
        return List.copyOf(frames);
    }

    synchronized List<String> closes() {
        return List.copyOf(closes);
    }

    synchronized boolean aborted() {
        return aborted;
    }

    /** Waits until the socket was aborted (aborts may run on their own thread). Fails on timeout. */
    boolean awaitAborted(Duration timeout) throws InterruptedException {
        return awaitState(t -> t.aborted, timeout, "abort").aborted;
    }

    /** Waits until a received frame matches {@code last}; returns every frame so far. Fails on timeout. */
    List<Frame> awaitFrame(Predicate<Frame> last, Duration timeout) throws InterruptedException {
        int[] scanned = {0};
        // scans each frame once per call, so waiting on long streams stays linear
        return awaitState(t -> {
            for (; scanned[0] < t.frames.size(); scanned[0]++) {
                if (last.test(t.frames.get(scanned[0]))) {
                    return true;
                }
            }
            return false;
        }, timeout, "frame").frames();
    }

    /** Waits until the close frame was sent and returns {@code "<code> <reason>"}. */
    String awaitClose(Duration timeout) throws InterruptedException {
        return awaitState(t -> !t.closes.isEmpty(), timeout, "close").closes().getFirst();
    }

    Optional<String> closeIfAny() {
        List<String> c = closes();
        return c.isEmpty() ? Optional.empty() : Optional.of(c.getFirst());
    }

    private synchronized RecordingTransport awaitState(Predicate<RecordingTransport> done, Duration timeout,
            String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; " + frames.size() + " frames, last="
                        + (frames.isEmpty() ? null : frames.getLast()) + ", closes=" + closes);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return this;
    }
}
