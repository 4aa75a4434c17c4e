package dev.filament.micrometer;

import dev.filament.application.voice.port.out.VoiceRepairReason;
import dev.filament.application.voice.port.out.VoiceSyncTelemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voice repair telemetry: counter {@code filament_voice_sync_repairs_total{reason}} (SPEC 14.2) and the
 * {@code voice.livekit.sync} log line (SPEC 14.1; info when the pass repaired or failed something, else debug).
 */
public final class LoggingVoiceSyncTelemetry implements VoiceSyncTelemetry {
    private static final Logger LOG = LoggerFactory.getLogger("filament.voice");

    private final MeterRegistry registry;

    public LoggingVoiceSyncTelemetry(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void repaired(VoiceRepairReason reason, int count) {
        Counter.builder("filament.voice.sync.repairs").tag("reason", reason.label()).register(registry)
                .increment(count);
    }

    @Override
    public void callFailed(String room, String call, RuntimeException error) {
        LOG.atWarn().addKeyValue("event", "voice.livekit.call_failed").addKeyValue("room", room)
                .addKeyValue("call", call).addKeyValue("error", error.getMessage()).log("LiveKit call failed");
    }

    @Override
    public void passCompleted(int rooms, int removed, int errors) {
        var level = removed > 0 || errors > 0 ? LOG.atInfo() : LOG.atDebug();
        level.addKeyValue("event", "voice.livekit.sync").addKeyValue("rooms", rooms).addKeyValue("removed", removed)
                .addKeyValue("errors", errors).log("LiveKit sync pass");
    }
}
