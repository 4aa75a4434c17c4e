package dev.filament.application.voice.port.out;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Out-port: the process-local voice registry of SPEC 11.3: (guild, channel) → user → participant, at most one channel
 * per user, capped at 1024 channels with participants and 512 participants per channel.
 *
 * <p>Every change publishes its SPEC 9.5 events (channel scope) through the gateway publisher, in the order SPEC 11.3
 * names, and in the order the changes were applied across threads. Publishing happens after the registry's lock is
 * released; no method waits for delivery, I/O or another thread's publishing, so every method returns in
 * microseconds. After a method returns on a thread with no concurrent registry calls, its events have been handed
 * to the publisher. Thread-safe. {@code now} is the caller's clock reading.
 */
public interface VoiceRegistry {

    /**
     * Throws 409 {@code quota_exceeded} when {@link #issue} for this identity could not register it now (expired
     * participants do not count; leaving another channel is taken into account). Changes nothing. Called before the
     * token is minted (SPEC 11.1 step 10).
     */
    void checkCapacity(VoiceIdentity identity, Instant now);

    /**
     * A token was issued (SPEC 11.3): prunes the channel's expired participants (unpublish per stream, then leave),
     * removes the user from any other channel (same events), then joins ({@code voice_participant_join}, then
     * {@code voice_stream_publish} per stream) or updates ({@code voice_participant_update} with the changed flags
     * when any changed, then publish/unpublish for the stream difference) and sets the new expiry. Never throws for
     * capacity: when a concurrent issue took the last slot since {@link #checkCapacity}, nothing changes and the
     * outcome says so.
     */
    IssueOutcome issue(VoiceIdentity identity, VoiceGrant grant, Instant now, Instant expiresAt);

    /** Removes the user from that channel (unpublish per stream, then leave); false when not registered there. */
    boolean leave(VoiceIdentity identity, Instant now);

    /**
     * Sets mute/deafen (absent = unchanged) when registered in that channel and a value changes, publishing
     * {@code voice_participant_update} with only the changed fields. True when something changed.
     */
    boolean updateState(VoiceIdentity identity, Optional<Boolean> muted, Optional<Boolean> deafened, Instant now);

    /** Kick or ban: removes the user from every channel of the guild (events as leave); the number removed. */
    int removeUserFromGuild(UserId user, GuildId guild, Instant now);

    /** Last gateway connection closed: removes the user from every channel (events as leave); the number removed. */
    int removeUserEverywhere(UserId user, Instant now);

    /** Removes the room's expired participants (events as leave), e.g. on subscribe; the number removed. */
    int pruneExpired(VoiceRoom room, Instant now);

    /** A snapshot of the room's participants in join order (for {@code voice_participant_sync} and the sync loop). */
    List<VoiceParticipant> participants(VoiceRoom room);

    /** A snapshot of the rooms that have participants. */
    List<VoiceRoom> rooms();

    /**
     * Voice re-evaluation (SPEC 11.5): asks {@code stillAllowed} about every participant of the guild (outside the
     * registry's lock, on the calling thread, which may query the database) and removes those it rejects that are
     * still in that channel (events as leave); the number removed.
     */
    int reevaluate(GuildId guild, BiPredicate<UserId, ChannelId> stillAllowed, Instant now);

    /**
     * LiveKit sync (SPEC 11.5): removes the participant (events as leave) only if it is still registered with this
     * identity and its last token was issued before {@code tokenIssuedBefore}; true when removed.
     */
    boolean removeStale(VoiceIdentity identity, Instant tokenIssuedBefore, Instant now);

    /** What {@link #issue} did. */
    enum IssueOutcome {
        JOINED,
        UPDATED,
        /** Capacity was taken concurrently after {@link #checkCapacity}; nothing changed. */
        OVER_CAPACITY
    }
}
