package dev.filament.application.guild.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.filament.application.guild.fakes.HandOffRecorder;
import dev.filament.application.guild.fakes.SimpleJsonSerializer;
import dev.filament.application.guild.port.GuildRevalidation;
import dev.filament.application.guild.port.HandOffFailures;
import dev.filament.application.guild.port.VoiceRemovals;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandOffsTest {
    private final TestIds ids = new TestIds();
    private final GuildId guild = ids.newGuildId();
    private final UserId user = ids.newUserId();
    private final HandOffRecorder gateway = new HandOffRecorder(() -> false);

    @Test
    void everyFailingHandOffIsReportedAndTheNextOneStillRuns() {
        List<String> failed = new ArrayList<>();
        GuildRevalidation broken = g -> {
            throw new IllegalStateException("queue gone");
        };
        HandOffFailures sink = (name, error) -> failed.add(name);
        HandOffs handOffs = new HandOffs(gateway, new SimpleJsonSerializer(), broken, VoiceRemovals.none(), sink);
        handOffs.publishToGuild(guild, "workspace_update", Map.of("bad", new Object()));
        handOffs.revalidate(guild);
        handOffs.dropSubscriptions(user, guild, UnsubscribeReason.KICK);
        handOffs.removeFromVoice(user, guild);
        assertThat(failed).containsExactly("gateway.publish", "guild.revalidation");
        assertThat(gateway.log()).containsExactly("drop:" + user + ":kick");
    }

    @Test
    void aThrowingFailureSinkIsSwallowed() {
        HandOffFailures throwing = (name, error) -> {
            throw new IllegalStateException("log down");
        };
        gateway.failPublishing();
        HandOffs handOffs = new HandOffs(gateway, new SimpleJsonSerializer(), gateway, gateway, throwing);
        assertThatCode(() -> handOffs.publishToGuild(guild, "workspace_update", Map.of())).doesNotThrowAnyException();
    }

    @Test
    void revalidationPrecedesVoiceReevaluation() {
        HandOffs handOffs = new HandOffs(gateway, new SimpleJsonSerializer(), gateway, gateway, gateway);
        handOffs.revalidate(guild);
        assertThat(gateway.log()).containsExactly("revalidate:" + guild, "voice.reevaluate:" + guild);
    }
}
