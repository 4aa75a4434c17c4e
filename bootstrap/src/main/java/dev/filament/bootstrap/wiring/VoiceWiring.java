package dev.filament.bootstrap.wiring;

import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.shared.RateLimiter;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.application.voice.port.out.VoiceTokenIssuer;
import dev.filament.application.voice.service.IssueVoiceTokenService;
import dev.filament.application.voice.service.LeaveVoiceService;
import dev.filament.application.voice.service.UpdateVoiceStateService;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.voice.VoiceRoutes;
import java.time.Clock;

/** Voice (SPEC 11.1-11.4): the token, leave and state use cases over the voice registry, and their routes. */
public final class VoiceWiring {

    private VoiceWiring() {
    }

    /**
     * @param ladder          the guild feature's access ladder
     * @param audits          the guild feature's audit writer ({@code media.token.issue})
     * @param handOffs        the guild feature's guarded post-commit hand-offs (the registry update)
     * @param issuer          {@link VoiceTokenIssuer#UNCONFIGURED} without LiveKit
     * @param tokenPerMinute  the {@code voice_token} quota (SPEC 2.6)
     * @param publishPerMinute the {@code voice_publish} quota (SPEC 2.6)
     */
    public static VoiceRoutes routes(AccessLadder ladder, Audits audits, HandOffs handOffs, UnitOfWork unitOfWork,
                                     VoiceRegistry registry, VoiceTokenIssuer issuer, Limiters limiters,
                                     int tokenPerMinute, int publishPerMinute, Clock clock,
                                     BearerAuthenticator bearer, JsonBodies bodies) {
        RateLimiter tokenLimiter = limiters.add(LimitPolicy.slidingWindow("voice_token", tokenPerMinute, 60));
        RateLimiter publishLimiter = limiters.add(LimitPolicy.slidingWindow("voice_publish", publishPerMinute, 60));
        return new VoiceRoutes(
                new IssueVoiceTokenService(ladder, unitOfWork, audits, handOffs, clock, registry, issuer,
                        tokenLimiter, publishLimiter),
                new LeaveVoiceService(ladder, unitOfWork, registry, clock),
                new UpdateVoiceStateService(ladder, unitOfWork, registry, clock),
                bearer, bodies);
    }
}
