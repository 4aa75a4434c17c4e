package dev.filament.realtime;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The outbound frames of one connection, counted in events and serialized bytes (SPEC 9.3). Frames a resume sends
 * again sit at its head and do not count toward the bound for live frames. Not thread-safe: guarded by the lock of its
 * {@link ConnectionSession}.
 */
final class OutboundQueue {
    private final ArrayDeque<OutboundFrame> frames = new ArrayDeque<>();
    private long bytes;
    private int replayPending;
    private long replayPendingBytes;

    /** Whether a live frame of {@code incoming} bytes fits (one larger than the byte bound fits an empty queue). */
    boolean fits(int maxEvents, long maxBytes, int incoming) {
        int live = frames.size() - replayPending;
        return live < maxEvents && (live == 0 || bytes - replayPendingBytes + incoming <= maxBytes);
    }

    void add(OutboundFrame frame) {
        frames.add(frame);
        bytes += frame.bytes();
    }

    /** Queues frames a resume sends again; they go out before any live frame. */
    void addReplay(List<OutboundFrame> replay) {
        for (OutboundFrame frame : replay) {
            add(frame);
            replayPendingBytes += frame.bytes();
        }
        replayPending += replay.size();
    }

    /** The next frame to send, or null. */
    OutboundFrame poll() {
        OutboundFrame frame = frames.poll();
        if (frame != null) {
            bytes -= frame.bytes();
            if (replayPending > 0) {
                replayPending--;
                replayPendingBytes -= frame.bytes();
            }
        }
        return frame;
    }

    /** Empties the queue; returns what it held. */
    List<OutboundFrame> clear() {
        List<OutboundFrame> dropped = List.copyOf(frames);
        frames.clear();
        bytes = 0;
        replayPending = 0;
        replayPendingBytes = 0;
        return dropped;
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    int size() {
        return frames.size();
    }

    long bytes() {
        return bytes;
    }
}
