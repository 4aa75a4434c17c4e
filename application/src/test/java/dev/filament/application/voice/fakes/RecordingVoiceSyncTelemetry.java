package dev.filament.application.voice.fakes;

import dev.filament.application.voice.port.out.VoiceRepairReason;
import dev.filament.application.voice.port.out.VoiceSyncTelemetry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Fake {@link VoiceSyncTelemetry}: repair counts per reason, failed calls as {@code call room}, and passes. */
public final class RecordingVoiceSyncTelemetry implements VoiceSyncTelemetry {
    private final Map<VoiceRepairReason, Integer> repairs = new EnumMap<>(VoiceRepairReason.class);
    private final List<String> failures = new ArrayList<>();
    private final List<String> passes = new ArrayList<>();

    @Override
    public synchronized void repaired(VoiceRepairReason reason, int count) {
        repairs.merge(reason, count, Integer::sum);
    }

    @Override
    public synchronized void callFailed(String room, String call, RuntimeException error) {
        failures.add(call + " " + room);
    }

    @Override
    public synchronized void passCompleted(int rooms, int removed, int errors) {
        passes.add("rooms=" + rooms + " removed=" + removed + " errors=" + errors);
    }

    public synchronized int repairs(VoiceRepairReason reason) {
        return repairs.getOrDefault(reason, 0);
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    public synchronized List<String> passes() {
        return List.copyOf(passes);
    }
}
