package dev.filament.application.gateway.service;

import dev.filament.application.guild.port.out.AccessLoader.ChannelSnapshot;
import dev.filament.application.guild.port.out.AccessLoader.GuildSnapshot;
import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.access.PermissionEvaluator;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides channel-level {@code create_message} for many (user, channel) pairs of one guild with the rules of the
 * access ladder, loading the guild (with its roles) once, the memberships of the known users in batches of
 * {@link AccessLoader#MAX_BATCH} ({@link #preload}), any other user's membership once and each channel's overrides
 * once, however many pairs share them. One instance serves one revalidation pass on one thread; not thread-safe.
 */
final class CreateMessageAccess {
    private final AccessLoader loader;
    private final AccessLadder ladder;
    private final GuildId guild;
    private Optional<GuildSnapshot> snapshot;
    private final Map<UserId, AccessContext> users = new HashMap<>();
    private final Map<ChannelId, Optional<List<ChannelOverride>>> channels = new HashMap<>();
    private final Map<Pair, Boolean> decided = new HashMap<>();

    CreateMessageAccess(AccessLoader loader, AccessLadder ladder, GuildId guild) {
        this.loader = loader;
        this.ladder = ladder;
        this.guild = guild;
    }

    /**
     * Whether {@code user} may post in (read) {@code channel}: false for a missing guild or channel and for a user
     * who is neither server owner nor member. Loads what is not cached yet, so call it inside a transaction unless
     * {@link #decided} already knows the answer.
     */
    boolean allows(UserId user, ChannelId channel) {
        return decided.computeIfAbsent(new Pair(user, channel), p -> evaluate(user, channel));
    }

    /**
     * Loads the guild and the memberships of {@code wanted} in {@code ceil(n / MAX_BATCH)} reads, so deciding their
     * pairs afterwards costs no membership query. Call it inside the pass's transaction.
     */
    void preload(Collection<UserId> wanted) {
        if (loadGuild().isEmpty()) {
            return;
        }
        List<UserId> missing = wanted.stream().distinct().filter(u -> !users.containsKey(u)).toList();
        for (int from = 0; from < missing.size(); from += AccessLoader.MAX_BATCH) {
            List<UserId> batch = missing.subList(from, Math.min(missing.size(), from + AccessLoader.MAX_BATCH));
            Map<UserId, List<RoleId>> found = loader.memberships(guild, batch);
            for (UserId user : batch) {
                users.put(user, ladder.contextOf(snapshot.get(), user, Optional.ofNullable(found.get(user))));
            }
        }
    }

    /** The answer already computed for the pair, without touching the store. */
    Optional<Boolean> decided(UserId user, ChannelId channel) {
        return Optional.ofNullable(decided.get(new Pair(user, channel)));
    }

    private boolean evaluate(UserId user, ChannelId channel) {
        if (loadGuild().isEmpty()) {
            return false;
        }
        Optional<List<ChannelOverride>> overrides = channels.computeIfAbsent(channel,
                c -> loader.channel(guild, c).map(ChannelSnapshot::overrides));
        if (overrides.isEmpty()) {
            return false;
        }
        AccessContext actor = users.computeIfAbsent(user, u -> ladder.contextOf(snapshot.get(), u));
        if (!actor.isServerOwner() && !actor.isMember()) {
            return false; // the evaluator would throw 403 here; for revalidation it is simply a lost access
        }
        return PermissionEvaluator.evaluate(actor.inChannel(overrides.get())).has(Permission.CREATE_MESSAGE);
    }

    private Optional<GuildSnapshot> loadGuild() {
        if (snapshot == null) {
            snapshot = loader.guild(guild);
        }
        return snapshot;
    }

    private record Pair(UserId user, ChannelId channel) {
    }
}
