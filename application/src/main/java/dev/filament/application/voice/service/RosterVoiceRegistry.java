package dev.filament.application.voice.service;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.VoiceCapacity;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Template for {@link VoiceRegistry} implementations over a {@link VoiceRoster}: the SPEC rules live in the roster;
 * a subclass decides how the roster is guarded and how the emitted events reach the publisher.
 */
public abstract class RosterVoiceRegistry implements VoiceRegistry {
    private final VoiceRoster roster;

    protected RosterVoiceRegistry(VoiceCapacity capacity, VoiceEventPayloads payloads) {
        this.roster = new VoiceRoster(capacity, payloads);
    }

    /** The roster, for subclasses that load it from shared state before each change (only under their guard). */
    protected final VoiceRoster roster() {
        return roster;
    }

    /**
     * Runs {@code change} with exclusive access to the roster, then hands off the events it added to the list, in
     * that order and in the order changes were applied, after giving up exclusive access.
     */
    protected abstract <T> T mutate(Function<List<GatewayEvent>, T> change);

    /** Runs {@code query} with exclusive (or at least consistent) access to the roster. */
    protected abstract <T> T read(Supplier<T> query);

    @Override
    public void checkCapacity(VoiceIdentity identity, Instant now) {
        if (!read(() -> roster.fits(identity, now))) {
            throw ConflictException.quotaExceeded("voice registry");
        }
    }

    @Override
    public IssueOutcome issue(VoiceIdentity identity, VoiceGrant grant, Instant now, Instant expiresAt) {
        return mutate(out -> roster.issue(identity, grant, now, expiresAt, out));
    }

    @Override
    public boolean leave(VoiceIdentity identity, Instant now) {
        return mutate(out -> roster.leave(identity, now, out));
    }

    @Override
    public boolean updateState(VoiceIdentity identity, Optional<Boolean> muted, Optional<Boolean> deafened,
            Instant now) {
        return mutate(out -> roster.updateState(identity, muted, deafened, now, out));
    }

    @Override
    public int removeUserFromGuild(UserId user, GuildId guild, Instant now) {
        return mutate(out -> roster.removeUser(user, room -> room.guild().equals(guild), now, out));
    }

    @Override
    public int removeUserEverywhere(UserId user, Instant now) {
        return mutate(out -> roster.removeUser(user, room -> true, now, out));
    }

    @Override
    public int pruneExpired(VoiceRoom room, Instant now) {
        return mutate(out -> roster.pruneExpired(room, now, out));
    }

    @Override
    public List<VoiceParticipant> participants(VoiceRoom room) {
        return read(() -> roster.participants(room));
    }

    @Override
    public List<VoiceRoom> rooms() {
        return read(roster::rooms);
    }

    @Override
    public int reevaluate(GuildId guild, BiPredicate<UserId, ChannelId> stillAllowed, Instant now) {
        List<VoiceParticipant> snapshot = read(() -> {
            List<VoiceParticipant> all = new ArrayList<>();
            for (VoiceRoom room : roster.rooms()) {
                if (room.guild().equals(guild)) {
                    all.addAll(roster.participants(room));
                }
            }
            return all;
        });
        // the predicate may query the database: it runs outside the roster's guard
        List<VoiceIdentity> rejected = snapshot.stream().map(VoiceParticipant::identity)
                .filter(id -> !stillAllowed.test(id.user(), id.channel())).toList();
        if (rejected.isEmpty()) {
            return 0;
        }
        return mutate(out -> {
            int removed = 0;
            for (VoiceIdentity id : rejected) {
                removed += roster.leave(id, now, out) ? 1 : 0;
            }
            return removed;
        });
    }

    @Override
    public boolean removeStale(VoiceIdentity identity, Instant tokenIssuedBefore, Instant now) {
        return mutate(out -> roster.removeIf(identity, p -> p.tokenIssuedAt().isBefore(tokenIssuedBefore), now, out));
    }
}
