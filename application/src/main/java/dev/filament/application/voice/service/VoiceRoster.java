package dev.filament.application.voice.service;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.voice.port.out.VoiceRegistry.IssueOutcome;
import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.StreamSource;
import dev.filament.domain.voice.VoiceCapacity;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The state machine of the voice registry (SPEC 11.3-11.5): rooms, seats, caps, and the events each change emits in
 * SPEC order. Not thread-safe: registries run it under their lock and publish the emitted events after releasing it.
 * Operations are O(1) per participant touched, except the capacity slow paths (a scan of at most one channel or of
 * the channel map, only when a cap is reached).
 */
public final class VoiceRoster {
    private final VoiceCapacity capacity;
    private final VoiceEventPayloads payloads;
    private final Map<VoiceRoom, Map<UserId, VoiceParticipant>> rooms = new HashMap<>();
    private final Map<UserId, VoiceRoom> seats = new HashMap<>();

    public VoiceRoster(VoiceCapacity capacity, VoiceEventPayloads payloads) {
        this.capacity = capacity;
        this.payloads = payloads;
    }

    /** Whether {@link #issue} for {@code identity} would register it at {@code now}. */
    public boolean fits(VoiceIdentity identity, Instant now) {
        VoiceRoom room = identity.room();
        UserId user = identity.user();
        Map<UserId, VoiceParticipant> members = rooms.get(room);
        if (members != null && members.size() >= capacity.maxParticipantsPerChannel() && !members.containsKey(user)
                && liveOthers(members, user, now) >= capacity.maxParticipantsPerChannel()) {
            return false;
        }
        if (members == null && rooms.size() >= capacity.maxChannels()) {
            return activeRoomsAfterLeaving(user, now) < capacity.maxChannels();
        }
        return true;
    }

    public IssueOutcome issue(VoiceIdentity identity, VoiceGrant grant, Instant now, Instant expiresAt,
            List<GatewayEvent> out) {
        if (!fits(identity, now)) {
            return IssueOutcome.OVER_CAPACITY;
        }
        VoiceRoom room = identity.room();
        UserId user = identity.user();
        pruneExpired(room, now, out);
        VoiceRoom previous = seats.get(user);
        if (previous != null && !previous.equals(room)) {
            vacate(previous, user, now, out);
        }
        Map<UserId, VoiceParticipant> members = rooms.get(room);
        if (members == null) {
            if (rooms.size() >= capacity.maxChannels()) {
                sweepExpired(now, out); // fits() counted only live rooms: this makes the room it promised
            }
            members = new LinkedHashMap<>();
            rooms.put(room, members);
        }
        VoiceParticipant existing = members.get(user);
        if (existing == null) {
            VoiceParticipant joined = VoiceParticipant.join(identity, grant, now, expiresAt);
            members.put(user, joined);
            seats.put(user, room);
            out.addAll(payloads.arrival(room, joined));
            return IssueOutcome.JOINED;
        }
        VoiceParticipant.Regrant change = existing.regrant(grant, now, expiresAt);
        members.put(user, change.after());
        if (!change.flags().isEmpty()) {
            out.add(payloads.update(room, change.after(), change.flags(), now));
        }
        for (StreamSource s : change.published()) {
            out.add(payloads.stream(room, change.after(), s, true, now));
        }
        for (StreamSource s : change.unpublished()) {
            out.add(payloads.stream(room, change.after(), s, false, now));
        }
        return IssueOutcome.UPDATED;
    }

    public boolean leave(VoiceIdentity identity, Instant now, List<GatewayEvent> out) {
        return removeIf(identity, p -> true, now, out);
    }

    /** Removes the participant when it is registered with this identity and {@code condition} holds. */
    public boolean removeIf(VoiceIdentity identity, Predicate<VoiceParticipant> condition, Instant now,
            List<GatewayEvent> out) {
        Optional<VoiceParticipant> p = participant(identity);
        if (p.isEmpty() || !condition.test(p.get())) {
            return false;
        }
        vacate(identity.room(), identity.user(), now, out);
        return true;
    }

    public boolean updateState(VoiceIdentity identity, Optional<Boolean> muted, Optional<Boolean> deafened,
            Instant now, List<GatewayEvent> out) {
        Optional<VoiceParticipant> p = participant(identity);
        if (p.isEmpty()) {
            return false;
        }
        VoiceParticipant.StateChange change = p.get().withState(muted, deafened, now);
        if (!change.changed()) {
            return false;
        }
        rooms.get(identity.room()).put(identity.user(), change.after());
        out.add(payloads.update(identity.room(), change.after(), change.flags(), now));
        return true;
    }

    /** The user's seat when it is in a room matching {@code where}: removed, events emitted; 1 or 0. */
    public int removeUser(UserId user, Predicate<VoiceRoom> where, Instant now, List<GatewayEvent> out) {
        VoiceRoom room = seats.get(user);
        if (room == null || !where.test(room)) {
            return 0;
        }
        vacate(room, user, now, out);
        return 1;
    }

    public int pruneExpired(VoiceRoom room, Instant now, List<GatewayEvent> out) {
        Map<UserId, VoiceParticipant> members = rooms.get(room);
        if (members == null) {
            return 0;
        }
        List<UserId> expired = members.values().stream().filter(p -> p.isExpiredAt(now))
                .map(VoiceParticipant::user).toList();
        expired.forEach(user -> vacate(room, user, now, out));
        return expired.size();
    }

    public Optional<VoiceParticipant> participant(VoiceIdentity identity) {
        Map<UserId, VoiceParticipant> members = rooms.get(identity.room());
        return members == null ? Optional.empty() : Optional.ofNullable(members.get(identity.user()));
    }

    public List<VoiceParticipant> participants(VoiceRoom room) {
        Map<UserId, VoiceParticipant> members = rooms.get(room);
        return members == null ? List.of() : List.copyOf(members.values());
    }

    public List<VoiceRoom> rooms() {
        return List.copyOf(rooms.keySet());
    }

    /** Every participant, room by room in join order (a shared registry's write-back compares it to its snapshot). */
    public List<VoiceParticipant> all() {
        List<VoiceParticipant> out = new ArrayList<>();
        rooms.values().forEach(members -> out.addAll(members.values()));
        return out;
    }

    /**
     * Replaces the whole state with {@code participants}, given in join order (a shared registry loads its snapshot
     * before each change); at most one seat per user is assumed.
     */
    public void restore(List<VoiceParticipant> participants) {
        rooms.clear();
        seats.clear();
        for (VoiceParticipant p : participants) {
            rooms.computeIfAbsent(p.identity().room(), r -> new LinkedHashMap<>()).put(p.user(), p);
            seats.put(p.user(), p.identity().room());
        }
    }

    private void vacate(VoiceRoom room, UserId user, Instant now, List<GatewayEvent> out) {
        Map<UserId, VoiceParticipant> members = rooms.get(room);
        VoiceParticipant gone = members.remove(user);
        seats.remove(user);
        if (members.isEmpty()) {
            rooms.remove(room);
        }
        out.addAll(payloads.removal(room, gone, now));
    }

    private void sweepExpired(Instant now, List<GatewayEvent> out) {
        for (VoiceRoom room : new ArrayList<>(rooms.keySet())) {
            pruneExpired(room, now, out);
        }
    }

    private static long liveOthers(Map<UserId, VoiceParticipant> members, UserId user, Instant now) {
        return members.values().stream().filter(p -> !p.isExpiredAt(now) && !p.user().equals(user)).count();
    }

    /** Rooms that would still have live participants once {@code user} left its current room. */
    private long activeRoomsAfterLeaving(UserId user, Instant now) {
        return rooms.values().stream().filter(members -> liveOthers(members, user, now) > 0).count();
    }
}
