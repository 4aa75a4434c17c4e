package dev.filament.application.voice.port.in;

import dev.filament.application.voice.port.out.VoiceToken;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceGrantRequest;
import dev.filament.domain.voice.VoiceIdentity;
import java.util.Objects;

/** Use case: a LiveKit token for a voice channel (SPEC 11.1-11.2, {@code POST .../voice/token}). */
public interface IssueVoiceTokenUseCase {

    /**
     * Runs the steps of SPEC 11.1 in order; the first failing step decides the error: 404/403 (ladder), 429
     * {@code voice_token}, 403 {@code create_message}, 400 not a voice channel, 503 {@code voice_unavailable}, 429
     * {@code voice_publish}, 400 nothing granted, 409 {@code quota_exceeded}.
     */
    IssuedVoiceToken issue(IssueVoiceTokenCommand command);

    /** {@code username} is the caller's display name in LiveKit (claim {@code name}). */
    record IssueVoiceTokenCommand(UserId user, Username username, ClientIp clientIp, GuildId guild, ChannelId channel,
                                  VoiceGrantRequest request) {
        public IssueVoiceTokenCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(request, "request");
        }
    }

    /** The minted token with what it grants; answered as the 200 body of SPEC 11.2. */
    record IssuedVoiceToken(VoiceToken token, VoiceIdentity identity, VoiceGrant grant) {
        public IssuedVoiceToken {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(grant, "grant");
        }
    }
}
