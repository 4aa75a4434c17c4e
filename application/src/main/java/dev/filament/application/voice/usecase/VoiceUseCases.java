package dev.filament.application.voice.usecase;

import dev.filament.application.guild.service.GuildKit;
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.application.voice.VoiceRegistry;
import dev.filament.application.voice.VoiceTokenIssuer;
import java.util.Objects;

/**
 * The voice use cases of SPEC 11.1-11.4, built once by the wiring over the guild kit (ladder, audit, hand-offs,
 * clock), the voice registry, the token issuer ({@link VoiceTokenIssuer#UNCONFIGURED} without LiveKit) and the two
 * voice limiters.
 */
public record VoiceUseCases(IssueVoiceTokenUseCase issueToken, LeaveVoiceUseCase leave,
                            UpdateVoiceStateUseCase updateState) {
    public VoiceUseCases {
        Objects.requireNonNull(issueToken, "issueToken");
        Objects.requireNonNull(leave, "leave");
        Objects.requireNonNull(updateState, "updateState");
    }

    /** @param tokenLimiter {@code voice_token}; @param publishLimiter {@code voice_publish} (SPEC 2.6) */
    public static VoiceUseCases create(GuildKit kit, VoiceRegistry registry, VoiceTokenIssuer issuer,
                                       RateLimiter tokenLimiter, RateLimiter publishLimiter) {
        return new VoiceUseCases(new IssueVoiceTokenService(kit, registry, issuer, tokenLimiter, publishLimiter),
                new LeaveVoiceService(kit, registry), new UpdateVoiceStateService(kit, registry));
    }
}
