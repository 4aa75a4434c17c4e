package dev.filament.application.voice.service;

import dev.filament.application.voice.port.out.LiveKitRoomService;
import dev.filament.application.voice.port.out.LiveKitRoomService.LiveKitParticipant;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.application.voice.port.out.VoiceRepairReason;
import dev.filament.application.voice.port.out.VoiceSyncGate;
import dev.filament.application.voice.port.out.VoiceSyncTelemetry;
import dev.filament.domain.voice.VoiceLimits;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Application service: one pass of the LiveKit sync loop (SPEC 11.5), visiting the rooms of the registry and LiveKit's
 * rooms named like ours, one after another. Each LiveKit call that fails is logged and skipped. Runs on a background
 * thread (never a request's); touches the registry only through its short, non-blocking operations.
 */
public final class LiveKitSync {
    private final VoiceRegistry registry;
    private final LiveKitRoomService liveKit;
    private final VoiceSyncTelemetry telemetry;
    private final Clock clock;
    private final VoiceSyncGate gate;

    public LiveKitSync(VoiceRegistry registry, LiveKitRoomService liveKit, VoiceSyncTelemetry telemetry, Clock clock,
            VoiceSyncGate gate) {
        this.registry = registry;
        this.liveKit = liveKit;
        this.telemetry = telemetry;
        this.clock = clock;
        this.gate = gate;
    }

    /** One process: always runs, always removes unknown participants. */
    public LiveKitSync(VoiceRegistry registry, LiveKitRoomService liveKit, VoiceSyncTelemetry telemetry, Clock clock) {
        this(registry, liveKit, telemetry, clock, VoiceSyncGate.SINGLE_PROCESS);
    }

    /** Outcome of one pass (also reported to telemetry). */
    public record Pass(int rooms, int removed, int errors) {
    }

    /** Runs one pass; never throws. */
    public Pass runOnce() {
        if (!gate.mayRun()) {
            return new Pass(0, 0, 0); // another node holds the lease, or Redis is unreachable: paused (17.6)
        }
        Set<VoiceRoom> rooms = new LinkedHashSet<>(registry.rooms());
        int errors = 0;
        try {
            for (String name : liveKit.listRooms()) {
                VoiceRoom.parse(name).ifPresent(rooms::add);
            }
        } catch (RuntimeException e) {
            errors++;
            telemetry.callFailed("", "ListRooms", e);
        }
        Tally tally = new Tally();
        tally.removeUnknown = gate.mayRemoveUnknown();
        for (VoiceRoom room : rooms) {
            syncRoom(room, tally);
        }
        Pass pass = new Pass(rooms.size(), tally.removed, errors + tally.errors);
        telemetry.passCompleted(pass.rooms(), pass.removed(), pass.errors());
        return pass;
    }

    private void syncRoom(VoiceRoom room, Tally tally) {
        List<LiveKitParticipant> live;
        try {
            live = liveKit.listParticipants(room.name());
        } catch (RuntimeException e) {
            tally.errors++;
            telemetry.callFailed(room.name(), "ListParticipants", e);
            return;
        }
        // read the registry after LiveKit: a user who got a token meanwhile is registered before it can join LiveKit
        Instant now = clock.instant();
        Map<String, VoiceParticipant> registered = new HashMap<>();
        for (VoiceParticipant p : registry.participants(room)) {
            registered.put(p.identity().value(), p);
        }
        removeAbsent(registered, live, now, tally);
        unmute(registered, live, now);
        removeUnknown(room, registered, live, tally);
    }

    private void removeAbsent(Map<String, VoiceParticipant> registered, List<LiveKitParticipant> live, Instant now,
            Tally tally) {
        Set<String> present = new HashSet<>();
        live.forEach(lp -> present.add(lp.identity()));
        Instant cutoff = now.minus(VoiceLimits.ABSENT_GRACE);
        int removed = 0;
        for (VoiceParticipant p : registered.values()) {
            if (!present.contains(p.identity().value()) && registry.removeStale(p.identity(), cutoff, now)) {
                removed++;
            }
        }
        report(VoiceRepairReason.LIVEKIT_ABSENT, removed);
        tally.removed += removed;
    }

    private void unmute(Map<String, VoiceParticipant> registered, List<LiveKitParticipant> live, Instant now) {
        int repaired = 0;
        for (LiveKitParticipant lp : live) {
            VoiceParticipant p = registered.get(lp.identity());
            if (p != null && p.muted() && lp.unmutedAudio()
                    && registry.updateState(p.identity(), Optional.of(false), Optional.empty(), now)) {
                repaired++;
            }
        }
        report(VoiceRepairReason.LIVEKIT_UNMUTED, repaired);
    }

    private void removeUnknown(VoiceRoom room, Map<String, VoiceParticipant> registered,
            List<LiveKitParticipant> live, Tally tally) {
        int removed = 0;
        for (LiveKitParticipant lp : live) {
            if (registered.containsKey(lp.identity()) || !tally.removeUnknown) {
                continue;
            }
            try {
                liveKit.removeParticipant(room.name(), lp.identity());
                removed++;
            } catch (RuntimeException e) {
                tally.errors++;
                telemetry.callFailed(room.name(), "RemoveParticipant", e);
            }
        }
        report(VoiceRepairReason.LIVEKIT_UNKNOWN_IDENTITY, removed);
        tally.removed += removed;
    }

    private void report(VoiceRepairReason reason, int count) {
        if (count > 0) {
            telemetry.repaired(reason, count);
        }
    }

    private static final class Tally {
        int removed;
        int errors;
        boolean removeUnknown;
    }
}
