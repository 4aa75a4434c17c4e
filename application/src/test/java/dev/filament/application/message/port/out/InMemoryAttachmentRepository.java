package dev.filament.application.message.port.out;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.domain.id.AttachmentId;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.message.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Fake {@link AttachmentRepository}: {@code attachments} in memory by id. Every deleted row's object key is recorded
 * and handed to the trigger (the V4 {@code AFTER DELETE} trigger's job: e.g. queue it in the in-memory collector).
 * Locks are no-ops (the in-memory unit of work is serial). {@link InMemoryMessageRepository} reads it for its pages
 * and deletes a message's rows with the message. Thread-safe.
 */
public final class InMemoryAttachmentRepository implements AttachmentRepository, InMemoryUnitOfWork.Participant {
    private final TreeMap<AttachmentId, Attachment> rows = new TreeMap<>();
    private final List<String> deletedKeys = new ArrayList<>();
    private volatile Consumer<String> trigger = key -> { };

    /** What a deleted row's key is handed to, inside the deleting transaction. */
    public void onDelete(Consumer<String> trigger) {
        this.trigger = trigger;
    }

    @Override
    public synchronized Runnable snapshot() {
        TreeMap<AttachmentId, Attachment> then = new TreeMap<>(rows);
        List<String> keys = List.copyOf(deletedKeys);
        return () -> {
            synchronized (this) {
                rows.clear();
                rows.putAll(then);
                deletedKeys.clear();
                deletedKeys.addAll(keys);
            }
        };
    }

    @Override
    public synchronized long usageBytes(UserId owner) {
        return rows.values().stream().filter(a -> a.ownerId().equals(owner)).mapToLong(Attachment::sizeBytes).sum();
    }

    @Override
    public long lockOwnerAndSumUsage(UserId owner) {
        return usageBytes(owner);
    }

    @Override
    public synchronized void insert(Attachment attachment) {
        if (rows.putIfAbsent(attachment.id(), attachment) != null) {
            throw new IllegalStateException("duplicate attachment id " + attachment.id());
        }
    }

    @Override
    public synchronized Optional<Attachment> find(ChannelId channel, AttachmentId attachment) {
        return Optional.ofNullable(rows.get(attachment)).filter(a -> a.channelId().equals(channel));
    }

    @Override
    public Optional<Attachment> lock(ChannelId channel, AttachmentId attachment) {
        return find(channel, attachment);
    }

    @Override
    public synchronized List<Attachment> bind(Message message, Set<AttachmentId> ids) {
        List<Attachment> bound = new ArrayList<>();
        for (AttachmentId id : ids) {
            Attachment a = rows.get(id);
            if (a != null && a.guildId().equals(message.guildId()) && a.channelId().equals(message.channelId())
                    && a.ownerId().equals(message.authorId()) && !a.isBound()) {
                Attachment b = new Attachment(a.id(), a.guildId(), a.channelId(), a.ownerId(),
                        Optional.of(message.id()), a.filename(), a.mimeType(), a.sizeBytes(), a.sha256Hex(),
                        a.createdAt());
                rows.put(id, b);
                bound.add(b);
            }
        }
        bound.sort(Comparator.comparing(Attachment::id));
        return bound;
    }

    @Override
    public synchronized int countBound(MessageId message) {
        return of(message).size();
    }

    @Override
    public synchronized boolean delete(AttachmentId attachment) {
        Attachment gone = rows.remove(attachment);
        if (gone != null) {
            deleted(gone);
        }
        return gone != null;
    }

    @Override
    public synchronized int sweepUnbound(Instant cutoff, int limit) {
        List<Attachment> due = rows.values().stream().filter(a -> !a.isBound() && a.createdAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Attachment::createdAt)).limit(limit).toList();
        due.forEach(a -> delete(a.id()));
        return due.size();
    }

    /** The message's attachments by id ascending (what its page entry carries). */
    public synchronized List<Attachment> of(MessageId message) {
        return rows.values().stream().filter(a -> a.messageId().equals(Optional.of(message))).toList();
    }

    /** The message delete's own removal of its rows (SPEC 8.1). */
    synchronized void deleteOf(MessageId message) {
        of(message).forEach(a -> delete(a.id()));
    }

    /** Test inspection: the object keys of every deleted row, in order. */
    public synchronized List<String> deletedKeys() {
        return List.copyOf(deletedKeys);
    }

    /** Test inspection: how many rows the table holds. */
    public synchronized int count() {
        return rows.size();
    }

    private void deleted(Attachment gone) {
        deletedKeys.add(gone.objectKey());
        trigger.accept(gone.objectKey());
    }
}
