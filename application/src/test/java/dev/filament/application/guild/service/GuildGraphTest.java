package dev.filament.application.guild.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.guild.port.in.CreateChannelUseCase.CreateChannelCommand;
import dev.filament.application.guild.port.in.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.port.in.JoinGuildUseCase.JoinGuildCommand;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.identity.fakes.RecordingIpObservationRecorder;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.directory.JoinOutcome;
import dev.filament.domain.id.UserId;
import dev.filament.domain.ratelimit.LimitPolicy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hand-wired graph (as bootstrap wires it) builds working use cases whose events leave in order, each after its
 * own commit.
 */
class GuildGraphTest {
    private final GuildFixture f = new GuildFixture();
    private final GuildServices useCases = f.useCases(
            new RateLimiter(LimitPolicy.slidingWindow("directory_join_ip", 60, 60), f.clock),
            new RateLimiter(LimitPolicy.slidingWindow("directory_join_user", 30, 60), f.clock),
            new RecordingIpObservationRecorder());

    @Test
    void aSequenceOfRoutesPublishesItsEventsInOrderAndNeverInsideATransaction() {
        UserId owner = f.newUser();
        UserId joiner = f.newUser();
        Guild g = useCases.createGuild().create(new CreateGuildCommand(owner, "g", Optional.of(Visibility.PUBLIC)));
        useCases.createChannel().create(new CreateChannelCommand(owner, GuildFixture.IP, g.id(), "c",
                Optional.empty()));
        assertThat(useCases.joinGuild().join(new JoinGuildCommand(joiner, GuildFixture.IP, g.id())).outcome())
                .isEqualTo(JoinOutcome.ACCEPTED);
        useCases.kickMember().kick(new MemberCommand(owner, g.id(), joiner));
        assertThat(f.handOffs.log()).containsExactly("publish:channel_create", "publish:workspace_member_add",
                "publish:workspace_member_remove", "drop:" + joiner + ":kick", "voice.remove:" + joiner);
        assertThat(f.handOffs.handedOffInsideTransaction()).isFalse();
    }
}
