package dev.filament.realtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The frames of one gateway session (SPEC 9.9, 9.11): its sequence counter, its resume key and its replay buffer of
 * the latest frames, bounded in frames and serialized bytes, oldest evicted first. The frames are the ones queued to
 * the connections, so the payload strings are shared with every other session that got the same event.
 *
 * <p>Not thread-safe: guarded by the lock of the {@link ConnectionSession} that owns it, and handed to the new
 * connection on the dispatcher thread when a resume takes the session over. The bytes it holds are added to a
 * process-wide total (the replay memory gauge) until {@link #release}.
 */
final class ReplayLog {
    private final ResumeLimits limits;
    private final LongAdder processBytes;
    private final ArrayDeque<OutboundFrame> frames = new ArrayDeque<>();
    private long bytes;
    private long lastSequence;
    private long detachedAfter = -1;
    private String resumeKey;
    private boolean released;

    ReplayLog(ResumeLimits limits, LongAdder processBytes, String resumeKey) {
        this.limits = limits;
        this.processBytes = processBytes;
        this.resumeKey = resumeKey;
    }

    long lastSequence() {
        return lastSequence;
    }

    /** The sequence number the next frame takes. */
    long nextSequence() {
        return lastSequence + 1;
    }

    /**
     * Appends the frame that takes {@link #nextSequence()}, evicting the oldest frames past the bounds. While detached,
     * a frame that would evict one queued after the detach is refused (false): the session must then be discarded.
     */
    boolean append(OutboundFrame frame) {
        if (released) {
            return false;
        }
        if (detachedAfter >= 0 && !fitsWithoutEvictingAfter(detachedAfter, frame.bytes())) {
            return false;
        }
        lastSequence = frame.sequence();
        frames.addLast(frame);
        bytes += frame.bytes();
        processBytes.add(frame.bytes());
        while (frames.size() > limits.replayMaxFrames() || (bytes > limits.replayMaxBytes() && frames.size() > 1)) {
            OutboundFrame evicted = frames.removeFirst();
            bytes -= evicted.bytes();
            processBytes.add(-evicted.bytes());
        }
        return true;
    }

    // Counts, from the oldest, the frames that would have to go; fails when one of them was queued after the detach.
    private boolean fitsWithoutEvictingAfter(long sequence, int incoming) {
        int size = frames.size() + 1;
        long total = bytes + incoming;
        for (OutboundFrame f : frames) {
            if (size <= limits.replayMaxFrames() && total <= limits.replayMaxBytes()) {
                return true;
            }
            if (f.sequence() > sequence) {
                return false;
            }
            size--;
            total -= f.bytes();
        }
        return true;
    }

    /** Marks the session detached: from now on frames are kept, never evicted (SPEC 9.11). */
    void detach() {
        detachedAfter = lastSequence;
    }

    /** A resume took the session over: eviction resumes, under a new key. */
    void attach(String newKey) {
        detachedAfter = -1;
        resumeKey = newKey;
    }

    /** The sequence number of the oldest buffered frame; {@code lastSequence + 1} when empty. */
    long oldestSequence() {
        OutboundFrame first = frames.peekFirst();
        return first == null ? lastSequence + 1 : first.sequence();
    }

    /** The buffered frames with a sequence number above {@code sequence}, oldest first. */
    List<OutboundFrame> framesAfter(long sequence) {
        List<OutboundFrame> out = new ArrayList<>();
        for (OutboundFrame f : frames) {
            if (f.sequence() > sequence) {
                out.add(f);
            }
        }
        return out;
    }

    String resumeKey() {
        return resumeKey;
    }

    int frameCount() {
        return frames.size();
    }

    long bytes() {
        return bytes;
    }

    /** Whether the session is detached (and not discarded): it buffers frames for a resume. */
    boolean detached() {
        return detachedAfter >= 0 && !released;
    }

    /**
     * The answer to a resume after {@code resumeSeq} (SPEC 9.11 rules 3-5): out of range or gap releases the log (the
     * session is discarded); otherwise the log attaches again under {@code newKey} with the frames to send again.
     */
    Handover handOver(long resumeSeq, String newKey) {
        if (resumeSeq > lastSequence || resumeSeq < oldestSequence() - 1) {
            release();
            return Handover.refused(resumeSeq > lastSequence ? Handover.Outcome.OUT_OF_RANGE : Handover.Outcome.GAP);
        }
        List<OutboundFrame> replay = framesAfter(resumeSeq);
        attach(newKey);
        return new Handover(Handover.Outcome.RESUMED, this, replay);
    }

    /**
     * Drops the buffer and takes its bytes out of the process total; later appends are refused. True the first time.
     */
    boolean release() {
        if (released) {
            return false;
        }
        released = true;
        processBytes.add(-bytes);
        frames.clear();
        bytes = 0;
        return true;
    }
}
