package dev.filament.application.guild.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.guild.port.out.GuildRevalidation;
import dev.filament.application.guild.port.out.HandOffFailures;
import dev.filament.application.guild.port.out.RecordingHandOffPorts;
import dev.filament.application.guild.port.out.VoiceRemovals;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandOffsTest {
    private final TestIds ids = new TestIds();
    private final GuildId guild = ids.newGuildId();
    private final UserId user = ids.newUserId();
    private final RecordingHandOffPorts gateway = new RecordingHandOffPorts(() -> false);

    @Test
    void everyFailingHandOffIsReportedAndTheNextOneStillRuns() {
        List<String> failed = new ArrayList<>();
        GuildRevalidation broken = g -> {
            throw new IllegalStateException("queue gone");
        };
        HandOffFailures sink = (name, error) -> failed.add(name);
        EventSerializer failing = event -> {
            throw new IllegalArgumentException("cannot serialize");
        };
        HandOffs handOffs = new HandOffs(gateway, failing, broken, VoiceRemovals.none(), sink);
        handOffs.publishToGuild(guild, ban());
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
        assertThatCode(() -> handOffs.publishToGuild(guild, ban())).doesNotThrowAnyException();
        assertThat(gateway.events()).isEmpty();
    }

    private GuildEvent.MemberBan ban() {
        return new GuildEvent.MemberBan(guild.value(), user.value(), 5, Optional.empty());
    }

    @Test
    void revalidationPrecedesVoiceReevaluation() {
        HandOffs handOffs = new HandOffs(gateway, new SimpleJsonSerializer(), gateway, gateway, gateway);
        handOffs.revalidate(guild);
        assertThat(gateway.log()).containsExactly("revalidate:" + guild, "voice.reevaluate:" + guild);
    }

    @Test
    void aTypedEventIsPublishedUnderItsNameWithItsPayloadSerializedOnce() {
        HandOffs handOffs = new HandOffs(gateway, new SimpleJsonSerializer(), gateway, gateway, gateway);
        handOffs.publish(new GuildEvent.MemberBan(guild.value(), user.value(), 5, Optional.empty()),
                GatewayEvent.Scope.guild(guild));
        assertThat(gateway.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("workspace_member_ban");
            assertThat(e.scope()).isEqualTo(GatewayEvent.Scope.guild(guild));
            assertThat(e.payloadJson()).isEqualTo("{\"guild_id\":\"" + guild.value() + "\",\"user_id\":\""
                    + user.value() + "\",\"banned_at_unix\":5}");
        });
    }
}
