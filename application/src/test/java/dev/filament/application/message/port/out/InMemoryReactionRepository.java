package dev.filament.application.message.port.out;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Emoji;
import dev.filament.domain.message.Reaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fake {@link ReactionRepository}: {@code message_reactions} in memory, message → emoji (code point order) → user ids
 * (ascending). The caller's message lock is what orders writes in the real adapter; here every method is synchronized.
 * {@link InMemoryMessageRepository} reads it for its pages and drops a deleted message's rows (the cascade).
 */
public final class InMemoryReactionRepository implements ReactionRepository, InMemoryUnitOfWork.Participant {
    private final Map<MessageId, TreeMap<Emoji, TreeSet<UserId>>> rows = new TreeMap<>();

    @Override
    public synchronized Runnable snapshot() {
        Map<MessageId, TreeMap<Emoji, TreeSet<UserId>>> then = copy(rows);
        return () -> {
            synchronized (this) {
                rows.clear();
                rows.putAll(copy(then));
            }
        };
    }

    @Override
    public synchronized Added add(MessageId message, Emoji emoji, UserId user, Instant at) {
        TreeMap<Emoji, TreeSet<UserId>> byEmoji = rows.computeIfAbsent(message, m -> new TreeMap<>());
        TreeSet<UserId> users = byEmoji.get(emoji);
        if (users != null && users.contains(user)) {
            return Added.ALREADY_PRESENT;
        }
        if (users == null && byEmoji.size() >= Reaction.MAX_EMOJIS_PER_MESSAGE) {
            return Added.EMOJI_CAP_REACHED;
        }
        byEmoji.computeIfAbsent(emoji, e -> new TreeSet<>()).add(user);
        return Added.INSERTED;
    }

    @Override
    public synchronized boolean remove(MessageId message, Emoji emoji, UserId user) {
        TreeMap<Emoji, TreeSet<UserId>> byEmoji = rows.get(message);
        TreeSet<UserId> users = byEmoji == null ? null : byEmoji.get(emoji);
        if (users == null || !users.remove(user)) {
            return false;
        }
        if (users.isEmpty()) {
            byEmoji.remove(emoji);
        }
        return true;
    }

    @Override
    public synchronized Reaction read(MessageId message, Emoji emoji, UserId viewer) {
        TreeSet<UserId> users = rows.getOrDefault(message, new TreeMap<>()).getOrDefault(emoji, new TreeSet<>());
        return reaction(emoji, users, viewer);
    }

    /** Every reaction on the message as seen by {@code viewer}, by emoji (what a message page carries). */
    public synchronized List<Reaction> all(MessageId message, UserId viewer) {
        List<Reaction> out = new ArrayList<>();
        rows.getOrDefault(message, new TreeMap<>()).forEach((emoji, users) -> out.add(reaction(emoji, users, viewer)));
        return out;
    }

    /** Test inspection: how many rows the table holds. */
    public synchronized int count() {
        return rows.values().stream().flatMap(m -> m.values().stream()).mapToInt(Set::size).sum();
    }

    /** The cascade of a message delete. */
    synchronized void dropMessage(MessageId message) {
        rows.remove(message);
    }

    private static Reaction reaction(Emoji emoji, Set<UserId> users, UserId viewer) {
        return new Reaction(emoji, users.size(), users.contains(viewer),
                users.stream().limit(Reaction.MAX_REACTOR_IDS).toList());
    }

    private static Map<MessageId, TreeMap<Emoji, TreeSet<UserId>>> copy(Map<MessageId, TreeMap<Emoji, TreeSet<UserId>>> from) {
        Map<MessageId, TreeMap<Emoji, TreeSet<UserId>>> out = new TreeMap<>();
        from.forEach((m, byEmoji) -> {
            TreeMap<Emoji, TreeSet<UserId>> c = new TreeMap<>();
            byEmoji.forEach((e, users) -> c.put(e, new TreeSet<>(users)));
            out.put(m, c);
        });
        return out;
    }
}
