package dev.filament.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Matches {@code message_create} frames received on the gateway sockets to the intended send time of the POST that
 * created them, through a tag in the message content ({@code fanout-r<run>-s<seq>}). Only the frames of the current
 * run are measured; warm-up runs use other run numbers and are ignored.
 */
final class DeliveryTracker {
    static final String TAG = "fanout-r";

    /** The frames of one measured run. */
    record Window(int run, AtomicLongArray intendedNanos, ConcurrentHistogram latencyMicros, LongAdder delivered,
                  AtomicLong lastDeliveryNanos) {
    }

    private volatile Window window = new Window(-1, new AtomicLongArray(0), new ConcurrentHistogram(3),
            new LongAdder(), new AtomicLong());
    private final Outcomes socketEvents = new Outcomes();

    static String content(int run, long seq) {
        String head = TAG + run + "-s" + seq + " ";
        return head + "m".repeat(Math.max(1, 100 - head.length()));
    }

    /** Starts measuring run {@code run}, which sends at most {@code capacity} messages. */
    Window begin(int run, int capacity) {
        window = new Window(run, new AtomicLongArray(capacity), new ConcurrentHistogram(3), new LongAdder(),
                new AtomicLong());
        return window;
    }

    /** Called before the POST of message {@code seq} of {@code run} goes out. */
    void sending(int run, long seq, long intendedNanos) {
        Window w = window;
        if (w.run() == run && seq < w.intendedNanos().length()) {
            w.intendedNanos().set((int) seq, intendedNanos);
        }
    }

    /** Called by a socket for every {@code message_create} frame, with the time it was received. */
    void received(String frame, long receivedNanos) {
        int at = frame.indexOf(TAG);
        int runStart = at + TAG.length();
        int runEnd = at < 0 ? -1 : digitsEnd(frame, runStart);
        if (runEnd <= runStart || !frame.startsWith("-s", runEnd)) {
            return;
        }
        int seqEnd = digitsEnd(frame, runEnd + 2);
        Window w = window;
        if (seqEnd == runEnd + 2 || Integer.parseInt(frame, runStart, runEnd, 10) != w.run()) {
            return;
        }
        long seq = Long.parseLong(frame, runEnd + 2, seqEnd, 10);
        long intended = seq < w.intendedNanos().length() ? w.intendedNanos().get((int) seq) : 0;
        if (intended != 0) {
            w.latencyMicros().recordValue(Math.max(0, (receivedNanos - intended) / 1_000));
            w.delivered().increment();
            w.lastDeliveryNanos().accumulateAndGet(receivedNanos, Math::max);
        }
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A socket closed or failed during the benchmark; counted by close code or error type. */
    void socketEvent(String label) {
        socketEvents.add(label, 1);
    }

    Outcomes socketEvents() {
        return socketEvents;
    }
}
