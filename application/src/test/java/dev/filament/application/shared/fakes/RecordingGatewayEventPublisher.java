package dev.filament.application.shared.fakes;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;

import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.List;

/** Fake publisher for use-case tests: records every hand-off in order and delivers nothing. Thread-safe. */
public final class RecordingGatewayEventPublisher implements GatewayEventPublisher {
    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void publish(GatewayEvent event) {
        entries.add(new Published(event));
    }

    @Override
    public synchronized void dropSubscriptions(UserId user, GuildId guild, UnsubscribeReason reason) {
        entries.add(new SubscriptionsDropped(user, guild, reason));
    }

    @Override
    public synchronized void closeSession(SessionId session, CloseReason reason) {
        entries.add(new SessionClosed(session, reason));
    }

    /** Every hand-off (events and commands) in the order they were made. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The published events only, in order. */
    public synchronized List<GatewayEvent> events() {
        return entries.stream().filter(Published.class::isInstance).map(e -> ((Published) e).event()).toList();
    }

    /** The published events of one type, in order. */
    public List<GatewayEvent> events(String type) {
        return events().stream().filter(e -> e.type().equals(type)).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** One recorded hand-off. */
    public sealed interface Entry permits Published, SubscriptionsDropped, SessionClosed {
    }

    public record Published(GatewayEvent event) implements Entry {
    }

    public record SubscriptionsDropped(UserId user, GuildId guild, UnsubscribeReason reason) implements Entry {
    }

    public record SessionClosed(SessionId session, CloseReason reason) implements Entry {
    }
}
