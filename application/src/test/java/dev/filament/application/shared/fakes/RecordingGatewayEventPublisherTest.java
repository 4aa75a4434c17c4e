package dev.filament.application.shared.fakes;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.shared.port.out.GatewayEventPublisherContract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher.Published;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher.SessionClosed;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher.SubscriptionsDropped;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Runs the publisher contract against the recording fake, replaying its log as a subscriber would see it. */
class RecordingGatewayEventPublisherTest extends GatewayEventPublisherContract {

    @Override
    protected Harness newHarness() {
        RecordingGatewayEventPublisher recording = new RecordingGatewayEventPublisher();
        return new Harness() {
            @Override
            public GatewayEventPublisher publisher() {
                return recording;
            }

            @Override
            public Observer subscribe(UserId user, GuildId guild, ChannelId channel) {
                return (last, timeout) -> replay(recording, user, guild, channel, last);
            }

            @Override
            public void close() {
                recording.clear();
            }
        };
    }

    // Publishing is synchronous in the fake, so the log is complete when the observer looks; the predicate is moot.
    private static List<Observed> replay(RecordingGatewayEventPublisher recording, UserId user, GuildId guild,
            ChannelId channel, Predicate<Observed> ignored) {
        boolean subscribed = true;
        List<Observed> seen = new ArrayList<>();
        for (RecordingGatewayEventPublisher.Entry entry : recording.entries()) {
            if (entry instanceof SubscriptionsDropped d && d.user().equals(user) && d.guild().equals(guild)) {
                subscribed = false;
            } else if (entry instanceof Published p && reaches(p.event().scope(), subscribed, user, guild, channel)) {
                seen.add(new Observed(p.event().type(), p.event().payloadJson()));
            }
        }
        return seen;
    }

    private static boolean reaches(GatewayEvent.Scope scope, boolean subscribed, UserId user, GuildId guild,
            ChannelId channel) {
        return switch (scope) {
            case GatewayEvent.Scope.Channel c -> subscribed && c.guild().equals(guild) && c.channel().equals(channel);
            case GatewayEvent.Scope.Guild g -> subscribed && g.guild().equals(guild) && g.admits(user);
            case GatewayEvent.Scope.User u -> u.user().equals(user);
            case GatewayEvent.Scope.Observers o -> o.subject().equals(user);
            case GatewayEvent.Scope.Users us -> us.users().contains(user);
            case GatewayEvent.Scope.Connection c -> false;
        };
    }

    @Test
    void recordsEventsAndCommandsInHandOffOrder() {
        RecordingGatewayEventPublisher recording = new RecordingGatewayEventPublisher();
        GuildId g = GuildId.of(ulid());
        UserId u = UserId.of(ulid());
        SessionId s = SessionId.of(ulid());
        GatewayEvent removed = GatewayEvent.of("workspace_member_remove", GatewayEvent.Scope.guild(g), "{}");

        recording.publish(removed);
        recording.dropSubscriptions(u, g, UnsubscribeReason.BAN);
        recording.closeSession(s, CloseReason.SESSION_REVOKED);

        assertThat(recording.entries()).containsExactly(new Published(removed),
                new SubscriptionsDropped(u, g, UnsubscribeReason.BAN), new SessionClosed(s, CloseReason.SESSION_REVOKED));
        assertThat(recording.events("workspace_member_remove")).containsExactly(removed);
        assertThat(recording.events("message_create")).isEmpty();
    }
}
