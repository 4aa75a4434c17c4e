package dev.filament.domain.voice;

import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Entity: one user's entry in the voice registry of a channel (SPEC 11.3). Immutable; each transition returns the
 * next state plus what changed, so the registry can publish exactly the events of SPEC 11.3/11.4.
 * {@code is_video_enabled} and {@code is_screen_share_enabled} follow the granted streams; {@code tokenIssuedAt} is
 * when the last token was issued (the LiveKit sync grace of SPEC 11.5).
 */
public record VoiceParticipant(VoiceIdentity identity, Instant joinedAt, Instant updatedAt, Instant expiresAt,
                               Instant tokenIssuedAt, boolean muted, boolean deafened, boolean speaking,
                               List<StreamSource> streams) {

    public VoiceParticipant {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenIssuedAt, "tokenIssuedAt");
        streams = new VoiceGrant(Objects.requireNonNull(streams, "streams"), false).sources();
    }

    /** A new entry for the holder of a fresh token: unmuted, undeafened, publishing the granted sources. */
    public static VoiceParticipant join(VoiceIdentity identity, VoiceGrant grant, Instant now, Instant expiresAt) {
        return new VoiceParticipant(identity, now, now, expiresAt, now, false, false, false, grant.sources());
    }

    public UserId user() {
        return identity.user();
    }

    public boolean videoEnabled() {
        return streams.contains(StreamSource.CAMERA);
    }

    public boolean screenShareEnabled() {
        return streams.contains(StreamSource.SCREEN_SHARE);
    }

    /** Expired once its token's expiry is reached. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * A new token for the same channel: streams become the grant's, flags follow, expiry moves. {@code updatedAt}
     * moves only when something visible changed.
     */
    public Regrant regrant(VoiceGrant grant, Instant now, Instant newExpiresAt) {
        List<StreamSource> next = grant.sources();
        List<StreamSource> added = new ArrayList<>(next);
        added.removeAll(streams);
        List<StreamSource> removed = new ArrayList<>(streams);
        removed.removeAll(next);
        boolean video = next.contains(StreamSource.CAMERA);
        boolean screen = next.contains(StreamSource.SCREEN_SHARE);
        FlagChanges flags = new FlagChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                FlagChanges.diff(videoEnabled(), video), FlagChanges.diff(screenShareEnabled(), screen));
        boolean changed = !added.isEmpty() || !removed.isEmpty();
        VoiceParticipant after = new VoiceParticipant(identity, joinedAt, changed ? now : updatedAt, newExpiresAt, now,
                muted, deafened, speaking, next);
        return new Regrant(after, flags, List.copyOf(added), List.copyOf(removed));
    }

    /** The client's own mute/deafen state (SPEC 11.4); absent values stay as they are. */
    public StateChange withState(Optional<Boolean> newMuted, Optional<Boolean> newDeafened, Instant now) {
        boolean m = newMuted.orElse(muted);
        boolean d = newDeafened.orElse(deafened);
        FlagChanges flags = new FlagChanges(FlagChanges.diff(muted, m), FlagChanges.diff(deafened, d),
                Optional.empty(), Optional.empty(), Optional.empty());
        if (flags.isEmpty()) {
            return new StateChange(this, flags);
        }
        return new StateChange(new VoiceParticipant(identity, joinedAt, now, expiresAt, tokenIssuedAt, m, d, speaking,
                streams), flags);
    }

    /** Result of {@link #regrant}: the next state, the changed flags, and the streams to publish and unpublish. */
    public record Regrant(VoiceParticipant after, FlagChanges flags, List<StreamSource> published,
                          List<StreamSource> unpublished) {
    }

    /** Result of {@link #withState}: the next state (this one when nothing changed) and the changed flags. */
    public record StateChange(VoiceParticipant after, FlagChanges flags) {
        public boolean changed() {
            return !flags.isEmpty();
        }
    }
}
