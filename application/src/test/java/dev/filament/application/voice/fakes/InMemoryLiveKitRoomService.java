package dev.filament.application.voice.fakes;

import dev.filament.application.voice.port.out.LiveKitCallException;
import dev.filament.application.voice.port.out.LiveKitRoomService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fake LiveKit: rooms with participants set by the test, removals applied and recorded, and chosen calls failing
 * with {@link LiveKitCallException}. Thread-safe.
 */
public final class InMemoryLiveKitRoomService implements LiveKitRoomService {
    private final Map<String, List<LiveKitParticipant>> rooms = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();
    private final Set<String> failingRooms = new HashSet<>();
    private final Set<String> failingRemovals = new HashSet<>();
    private boolean failListRooms;
    private int calls;

    /** Puts {@code participant} into {@code room} (creating the room). */
    public synchronized void join(String room, String identity, boolean unmutedAudio) {
        rooms.computeIfAbsent(room, r -> new ArrayList<>()).add(new LiveKitParticipant(identity, unmutedAudio));
    }

    public synchronized void failListRooms() {
        failListRooms = true;
    }

    /** {@code ListParticipants} of this room fails. */
    public synchronized void failRoom(String room) {
        failingRooms.add(room);
    }

    /** {@code RemoveParticipant} of this identity fails. */
    public synchronized void failRemoval(String identity) {
        failingRemovals.add(identity);
    }

    /** {@code room/identity} of every successful removal, in order. */
    public synchronized List<String> removed() {
        return List.copyOf(removed);
    }

    public synchronized int calls() {
        return calls;
    }

    @Override
    public synchronized List<String> listRooms() {
        calls++;
        if (failListRooms) {
            throw new LiveKitCallException("ListRooms failed");
        }
        return List.copyOf(rooms.keySet());
    }

    @Override
    public synchronized List<LiveKitParticipant> listParticipants(String room) {
        calls++;
        if (failingRooms.contains(room)) {
            throw new LiveKitCallException("ListParticipants failed");
        }
        return List.copyOf(rooms.getOrDefault(room, List.of()));
    }

    @Override
    public synchronized void removeParticipant(String room, String identity) {
        calls++;
        if (failingRemovals.contains(identity)) {
            throw new LiveKitCallException("RemoveParticipant failed");
        }
        List<LiveKitParticipant> members = rooms.get(room);
        if (members != null) {
            members.removeIf(p -> p.identity().equals(identity));
        }
        removed.add(room + "/" + identity);
    }
}
