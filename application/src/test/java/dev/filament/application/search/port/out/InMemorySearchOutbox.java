package dev.filament.application.search.port.out;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import java.util.Optional;

/** Fake {@link SearchOutbox} over an {@link InMemorySearchDatabase}. */
public final class InMemorySearchOutbox implements SearchOutbox {
    private final InMemorySearchDatabase db;

    public InMemorySearchOutbox(InMemorySearchDatabase db) {
        this.db = db;
    }

    @Override
    public void enqueueUpsert(GuildId guild, MessageId message) {
        db.addOutbox(guild, Optional.of(message), OutboxEntry.UPSERT);
    }

    @Override
    public void deleteDocument(MessageId message) {
        synchronized (db) {
            db.documents.remove(message);
        }
    }

    @Override
    public boolean enqueueRebuild(GuildId guild) {
        synchronized (db) {
            boolean pending = db.outbox.values().stream()
                    .anyMatch(e -> e.guild().equals(guild) && e.op().equals(OutboxEntry.REBUILD));
            if (pending) {
                return false;
            }
            db.addOutbox(guild, Optional.empty(), OutboxEntry.REBUILD);
            return true;
        }
    }

    @Override
    public ReconcileResult reconcile(GuildId guild) {
        synchronized (db) {
            int deleted = 0;
            var docs = db.documents.entrySet().iterator();
            while (docs.hasNext()) {
                var doc = docs.next();
                InMemorySearchDatabase.Message m = db.messages.get(doc.getKey());
                if (doc.getValue().guild().equals(guild) && (m == null || !m.guild().equals(guild)
                        || !m.channel().equals(doc.getValue().channel()))) {
                    docs.remove();
                    deleted++;
                }
            }
            int upserted = 0;
            for (var m : db.messages.entrySet()) {
                InMemorySearchDatabase.Document doc = db.documents.get(m.getKey());
                if (m.getValue().guild().equals(guild) && (doc == null || doc.revision() != m.getValue().revision()
                        || !doc.guild().equals(guild) || !doc.channel().equals(m.getValue().channel()))) {
                    db.addOutbox(guild, Optional.of(m.getKey()), OutboxEntry.UPSERT);
                    upserted++;
                }
            }
            return new ReconcileResult(upserted, deleted);
        }
    }
}
