package dev.filament.application.voice.usecase;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.port.out.UnitOfWork;
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.application.voice.VoiceRegistry;
import dev.filament.application.voice.VoiceTokenIssuer;
import java.time.Clock;
import java.util.Objects;

/**
 * The voice use cases of SPEC 11.1-11.4, built once by the wiring over the guild feature's unit of work, ladder,
 * audit writer and hand-offs, the clock, the voice registry, the token issuer ({@link VoiceTokenIssuer#UNCONFIGURED}
 * without LiveKit) and the two voice limiters.
 */
public record VoiceUseCases(IssueVoiceTokenUseCase issueToken, LeaveVoiceUseCase leave,
                            UpdateVoiceStateUseCase updateState) {
    public VoiceUseCases {
        Objects.requireNonNull(issueToken, "issueToken");
        Objects.requireNonNull(leave, "leave");
        Objects.requireNonNull(updateState, "updateState");
    }

    /** @param tokenLimiter {@code voice_token}; @param publishLimiter {@code voice_publish} (SPEC 2.6) */
    public static VoiceUseCases create(UnitOfWork tx, AccessLadder ladder, Audits audits, HandOffs handOffs,
                                       Clock clock, VoiceRegistry registry, VoiceTokenIssuer issuer,
                                       RateLimiter tokenLimiter, RateLimiter publishLimiter) {
        return new VoiceUseCases(new IssueVoiceTokenService(tx, ladder, audits, handOffs, clock, registry, issuer,
                tokenLimiter, publishLimiter),
                new LeaveVoiceService(tx, ladder, clock, registry), new UpdateVoiceStateService(tx, ladder, clock,
                registry));
    }
}
