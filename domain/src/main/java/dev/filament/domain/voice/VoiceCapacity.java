package dev.filament.domain.voice;

/**
 * Value: the registry caps (SPEC 11.3): channels with participants, participants per channel. Production uses
 * {@link #SPEC}; tests may shrink it.
 */
public record VoiceCapacity(int maxChannels, int maxParticipantsPerChannel) {
    public static final VoiceCapacity SPEC =
            new VoiceCapacity(VoiceLimits.MAX_ACTIVE_CHANNELS, VoiceLimits.MAX_PARTICIPANTS_PER_CHANNEL);

    public VoiceCapacity {
        if (maxChannels < 1) {
            throw new IllegalArgumentException("maxChannels must be >= 1");
        }
        if (maxParticipantsPerChannel < 1) {
            throw new IllegalArgumentException("maxParticipantsPerChannel must be >= 1");
        }
    }
}
