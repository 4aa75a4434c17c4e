package dev.filament.application.voice.port.out;

/**
 * Out-port: logs and metrics of voice repairs (SPEC 14.1 {@code voice.livekit.sync}, 14.2
 * {@code filament_voice_sync_repairs_total}). Never blocks, never throws; thread-safe.
 */
public interface VoiceSyncTelemetry {

    VoiceSyncTelemetry NONE = new VoiceSyncTelemetry() {
        @Override
        public void repaired(VoiceRepairReason reason, int count) {
        }

        @Override
        public void callFailed(String room, String call, RuntimeException error) {
        }

        @Override
        public void passCompleted(int rooms, int removed, int errors) {
        }
    };

    /** {@code count} repairs of one kind (counted, not logged one by one). */
    void repaired(VoiceRepairReason reason, int count);

    /** A LiveKit call of the sync loop failed; it was skipped. {@code room} is empty for room listing. */
    void callFailed(String room, String call, RuntimeException error);

    /** One pass of the sync loop ended: rooms visited, participants removed (registry and LiveKit), failed calls. */
    void passCompleted(int rooms, int removed, int errors);
}
