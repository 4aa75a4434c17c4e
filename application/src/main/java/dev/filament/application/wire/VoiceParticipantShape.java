package dev.filament.application.wire;

import dev.filament.domain.voice.VoiceParticipant;

/**
 * {@code VoiceParticipant = {user_id, identity, joined_at_unix, updated_at_unix, is_muted, is_deafened, is_speaking,
 * is_video_enabled, is_screen_share_enabled}} (SPEC 9.5), shared by the voice events and the voice routes.
 */
public record VoiceParticipantShape(String userId, String identity, long joinedAtUnix, long updatedAtUnix,
                                    boolean isMuted, boolean isDeafened, boolean isSpeaking, boolean isVideoEnabled,
                                    boolean isScreenShareEnabled) {

    public static VoiceParticipantShape of(VoiceParticipant p) {
        return new VoiceParticipantShape(p.user().value(), p.identity().value(), p.joinedAt().getEpochSecond(),
                p.updatedAt().getEpochSecond(), p.muted(), p.deafened(), p.speaking(), p.videoEnabled(),
                p.screenShareEnabled());
    }
}
