package dev.filament.application.search.port.out;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.search.SearchLexeme;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fake: the tables search reads and writes ({@code messages}, {@code search_documents}, {@code search_outbox}) in
 * memory, shared by {@link InMemorySearchOutbox}, {@link InMemorySearchIndexStore} and {@link InMemorySearchQuery}.
 * Documents are the lower-cased word tokens of the content (runs of letters, digits and marks). Thread-safe: every
 * access holds this object's monitor. Enlisted with an {@link InMemoryUnitOfWork}, a transaction whose work throws
 * leaves the tables as it found them (the outbox id, like a sequence, is not given back).
 */
public final class InMemorySearchDatabase implements InMemoryUnitOfWork.Participant {
    record Message(GuildId guild, ChannelId channel, String content, int revision) {
    }

    record Document(GuildId guild, ChannelId channel, int revision, List<String> tokens) {
    }

    final Clock clock;
    final TreeMap<MessageId, Message> messages = new TreeMap<>();
    final Map<MessageId, Document> documents = new HashMap<>();
    final TreeMap<Long, OutboxEntry> outbox = new TreeMap<>();
    final AtomicBoolean broken = new AtomicBoolean();
    private long nextOutboxId = 1;

    public InMemorySearchDatabase(Clock clock) {
        this.clock = clock;
    }

    /** Takes part in rollback: a copy of every table now, and the action that puts it back. */
    @Override
    public synchronized Runnable snapshot() {
        Map<MessageId, Message> messagesThen = new TreeMap<>(messages);
        Map<MessageId, Document> documentsThen = new HashMap<>(documents);
        Map<Long, OutboxEntry> outboxThen = new TreeMap<>(outbox);
        return () -> {
            synchronized (this) {
                messages.clear();
                messages.putAll(messagesThen);
                documents.clear();
                documents.putAll(documentsThen);
                outbox.clear();
                outbox.putAll(outboxThen);
            }
        };
    }

    // --- what message use cases would write (test hooks) ---

    public synchronized void putMessage(MessageId id, GuildId guild, ChannelId channel, String content) {
        messages.put(id, new Message(guild, channel, content, 0));
    }

    public synchronized void editMessage(MessageId id, String content) {
        Message m = messages.get(id);
        messages.put(id, new Message(m.guild(), m.channel(), content, m.revision() + 1));
    }

    /** Removes the message row only; a document left behind is what reconcile and rebuild repair. */
    public synchronized void removeMessage(MessageId id) {
        messages.remove(id);
    }

    // --- inspection ---

    public synchronized List<OutboxEntry> outboxRows(GuildId guild) {
        return outbox.values().stream().filter(e -> e.guild().equals(guild)).toList();
    }

    public synchronized Optional<Integer> documentRevision(MessageId id) {
        return Optional.ofNullable(documents.get(id)).map(Document::revision);
    }

    public synchronized void setAttempts(GuildId guild, int attempts) {
        outbox.replaceAll((id, e) -> e.guild().equals(guild)
                ? new OutboxEntry(id, e.guild(), e.op(), e.message(), attempts, e.enqueuedAt(), e.nextAttemptAt())
                : e);
    }

    /** Until closed, every batch fails after claiming its rows. */
    public AutoCloseable breakIndexing() {
        broken.set(true);
        return () -> broken.set(false);
    }

    // --- shared by the fakes ---

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    synchronized void addOutbox(GuildId guild, Optional<MessageId> message, String op) {
        Instant now = now();
        long id = nextOutboxId++;
        outbox.put(id, new OutboxEntry(id, guild, op, message, 0, now, now));
    }

    synchronized void index(MessageId id) {
        Message m = messages.get(id);
        if (m == null) {
            documents.remove(id);
            return;
        }
        Document current = documents.get(id);
        if (current == null || current.revision() <= m.revision()) {
            documents.put(id, new Document(m.guild(), m.channel(), m.revision(), tokens(m.content())));
        }
    }

    static List<String> tokens(String content) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        content.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (SearchLexeme.isWordCodePoint(cp)) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                tokens.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens;
    }
}
