package dev.filament.application.blob.fakes;

import dev.filament.application.blob.port.out.BlobGcQueue;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.BlobTombstones;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * In-memory {@code blob_gc}: both sides of the queue over one synchronized map; times kept in whole seconds. Enlist it
 * in an {@link InMemoryUnitOfWork} to roll its writes back with a failed transaction.
 */
public final class InMemoryBlobGc implements BlobTombstones, BlobGcQueue, InMemoryUnitOfWork.Participant {
    private static final Comparator<BlobKey> ORDER = Comparator.comparing(BlobKey::value);
    private final Map<BlobKey, Row> rows = new TreeMap<>(ORDER);

    private record Row(Instant notBefore, int attempts, Instant enqueuedAt) {
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<BlobKey, Row> copy = new TreeMap<>(ORDER);
        copy.putAll(rows);
        return () -> {
            synchronized (this) {
                rows.clear();
                rows.putAll(copy);
            }
        };
    }

    @Override
    public synchronized void schedule(BlobKey key, Instant notBefore) {
        Instant at = notBefore.truncatedTo(ChronoUnit.SECONDS);
        rows.merge(key, new Row(at, 0, at),
                (old, fresh) -> at.isBefore(old.notBefore()) ? new Row(at, old.attempts(), old.enqueuedAt()) : old);
    }

    @Override
    public synchronized void cancel(BlobKey key) {
        rows.remove(key);
    }

    @Override
    public synchronized List<Claim> claimDue(Instant now, int limit, Duration lease) {
        List<Claim> claims = new ArrayList<>();
        Instant leased = now.plus(lease).truncatedTo(ChronoUnit.SECONDS);
        for (var e : List.copyOf(rows.entrySet())) {
            if (claims.size() == limit) {
                break;
            }
            Row r = e.getValue();
            if (!r.notBefore().isAfter(now)) {
                rows.put(e.getKey(), new Row(leased, r.attempts() + 1, r.enqueuedAt()));
                claims.add(new Claim(e.getKey(), r.attempts() + 1));
            }
        }
        return claims;
    }

    @Override
    public synchronized void completed(Collection<BlobKey> keys) {
        keys.forEach(rows::remove);
    }

    @Override
    public synchronized void failed(Claim claim, Instant now) {
        Row r = rows.get(claim.key());
        if (r != null) {
            Instant due = now.plus(BlobGcQueue.retryDelay(claim.attempts())).truncatedTo(ChronoUnit.SECONDS);
            rows.put(claim.key(), new Row(due, r.attempts(), r.enqueuedAt()));
        }
    }

    @Override
    public synchronized Backlog backlog(Instant now) {
        long due = 0;
        Instant oldest = null;
        for (Row r : rows.values()) {
            if (!r.notBefore().isAfter(now)) {
                due++;
                oldest = oldest == null || r.notBefore().isBefore(oldest) ? r.notBefore() : oldest;
            }
        }
        return new Backlog(due, oldest == null ? 0 : Duration.between(oldest, now).toSeconds());
    }

    /** The queued time of {@code key}, if queued. */
    public synchronized Optional<Instant> notBefore(BlobKey key) {
        return Optional.ofNullable(rows.get(key)).map(Row::notBefore);
    }

    public synchronized int rows() {
        return rows.size();
    }
}
