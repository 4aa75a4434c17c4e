package dev.filament.application.search.port.out;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fake {@link SearchIndexStore} over an {@link InMemorySearchDatabase}: the same claim order, batch sizes, backoff and
 * in-memory rebuild progress as the real store; no concurrency beyond the database's monitor (no SKIP LOCKED).
 */
public final class InMemorySearchIndexStore implements SearchIndexStore {
    private final InMemorySearchDatabase db;
    /** Rebuild progress by outbox row id: the last message id done. Lost on restart, like the real store's. */
    private final Map<Long, MessageId> rebuildCursor = new HashMap<>();

    public InMemorySearchIndexStore(InMemorySearchDatabase db) {
        this.db = db;
    }

    @Override
    public BatchResult indexDueUpserts() {
        synchronized (db) {
            Instant now = db.clock.instant();
            List<OutboxEntry> claimed = db.outbox.values().stream()
                    .filter(e -> e.op().equals(OutboxEntry.UPSERT) && !e.nextAttemptAt().isAfter(now))
                    .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(OutboxEntry::id))
                    .limit(UPSERT_BATCH)
                    .toList();
            if (claimed.isEmpty()) {
                return BatchResult.idle();
            }
            if (db.broken.get()) {
                return fail(claimed);
            }
            claimed.forEach(e -> db.index(e.message().orElseThrow()));
            claimed.forEach(e -> db.outbox.remove(e.id()));
            return new BatchResult.Indexed(claimed.size());
        }
    }

    @Override
    public DueWork due() {
        synchronized (db) {
            Instant now = db.clock.instant();
            boolean upserts = db.outbox.values().stream()
                    .anyMatch(e -> e.op().equals(OutboxEntry.UPSERT) && !e.nextAttemptAt().isAfter(now));
            boolean rebuilds = db.outbox.values().stream()
                    .anyMatch(e -> e.op().equals(OutboxEntry.REBUILD) && !e.nextAttemptAt().isAfter(now));
            return new DueWork(upserts, rebuilds);
        }
    }

    @Override
    public BatchResult rebuildNextBatch() {
        synchronized (db) {
            Instant now = db.clock.instant();
            Optional<OutboxEntry> row = db.outbox.values().stream()
                    .filter(e -> e.op().equals(OutboxEntry.REBUILD) && !e.nextAttemptAt().isAfter(now))
                    .min(Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(OutboxEntry::id));
            if (row.isEmpty()) {
                return BatchResult.idle();
            }
            if (db.broken.get()) {
                return fail(List.of(row.get()));
            }
            return step(row.get());
        }
    }

    private BatchResult step(OutboxEntry row) {
        GuildId guild = row.guild();
        MessageId after = rebuildCursor.get(row.id());
        var range = after == null ? db.messages : db.messages.tailMap(after, false);
        List<MessageId> batch = range.entrySet().stream()
                .filter(m -> m.getValue().guild().equals(guild))
                .limit(REBUILD_BATCH)
                .map(Map.Entry::getKey)
                .toList();
        boolean last = batch.size() < REBUILD_BATCH;
        MessageId upTo = last ? null : batch.get(batch.size() - 1);
        db.documents.entrySet().removeIf(d -> d.getValue().guild().equals(guild)
                && (after == null || d.getKey().compareTo(after) > 0)
                && (upTo == null || d.getKey().compareTo(upTo) <= 0));
        batch.forEach(db::index);
        if (last) {
            db.outbox.remove(row.id());
            rebuildCursor.remove(row.id());
        } else {
            rebuildCursor.put(row.id(), upTo);
        }
        return new BatchResult.Indexed(batch.size());
    }

    private BatchResult fail(List<OutboxEntry> claimed) {
        Instant now = db.now();
        claimed.forEach(e -> db.outbox.put(e.id(), e.failed(now)));
        return new BatchResult.Failed(claimed.size(), new IllegalStateException("indexing broken by the test"));
    }

    @Override
    public SearchBacklog backlog() {
        synchronized (db) {
            Optional<Instant> oldest = db.outbox.values().stream().map(OutboxEntry::enqueuedAt)
                    .min(Instant::compareTo);
            return new SearchBacklog(db.outbox.size(), oldest);
        }
    }
}
