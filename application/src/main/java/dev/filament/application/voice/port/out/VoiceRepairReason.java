package dev.filament.application.voice.port.out;

/** Why the registry or LiveKit was repaired: the {@code reason} label of {@code filament_voice_sync_repairs_total}. */
public enum VoiceRepairReason {
    /** Expired participants pruned when a connection subscribed. */
    SUBSCRIBE("subscribe"),
    /** A registry participant missing from LiveKit for longer than the grace was removed. */
    LIVEKIT_ABSENT("livekit_absent"),
    /** The registry said muted while LiveKit showed unmuted audio: {@code is_muted} became false. */
    LIVEKIT_UNMUTED("livekit_unmuted"),
    /** A LiveKit participant unknown to the registry was removed from the room. */
    LIVEKIT_UNKNOWN_IDENTITY("livekit_unknown_identity");

    private final String label;

    VoiceRepairReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
