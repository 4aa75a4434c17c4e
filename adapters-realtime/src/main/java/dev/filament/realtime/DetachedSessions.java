package dev.filament.realtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detached gateway sessions of the process in detach order (SPEC 9.11): the oldest beyond the cap, and every one
 * detached longer than the time limit, must be discarded. The lock guards O(1) work (and the expiry scan, which stops
 * at the first session still young); callers discard outside it.
 */
final class DetachedSessions {
    private final int max;
    private final long ttlNanos;
    private final Map<ConnectionSession, Long> byAge = new LinkedHashMap<>();

    DetachedSessions(ResumeLimits limits) {
        this.max = limits.maxDetached();
        this.ttlNanos = limits.detachedTtl().toNanos();
    }

    /** Records a detach; returns the sessions now over the cap (oldest first), to be discarded by the caller. */
    synchronized List<ConnectionSession> add(ConnectionSession session) {
        byAge.put(session, System.nanoTime());
        List<ConnectionSession> over = new ArrayList<>();
        Iterator<ConnectionSession> oldest = byAge.keySet().iterator();
        while (byAge.size() - over.size() > max && oldest.hasNext()) {
            over.add(oldest.next());
        }
        over.forEach(byAge::remove);
        return over;
    }

    synchronized void remove(ConnectionSession session) {
        byAge.remove(session);
    }

    /** Takes out and returns the sessions detached longer than the time limit. */
    synchronized List<ConnectionSession> expired(long nowNanos) {
        List<ConnectionSession> out = new ArrayList<>();
        Iterator<Map.Entry<ConnectionSession, Long>> it = byAge.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<ConnectionSession, Long> e = it.next();
            if (nowNanos - e.getValue() < ttlNanos) {
                break;
            }
            out.add(e.getKey());
            it.remove();
        }
        return out;
    }

    /** Takes out every session (process stop). */
    synchronized List<ConnectionSession> drain() {
        List<ConnectionSession> out = new ArrayList<>(byAge.keySet());
        byAge.clear();
        return out;
    }

    synchronized int size() {
        return byAge.size();
    }
}
