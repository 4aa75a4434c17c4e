package dev.filament.application.guild.port.out;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Fake for every post-commit hand-off port at once, so a test sees their relative order: each hand-off is one line
 * ({@code publish:<type>}, {@code drop:<user>:<reason>}, {@code revalidate:<guild>}, {@code voice.remove:<user>},
 * {@code voice.reevaluate:<guild>}, {@code failed:<name>}). Records whether a transaction was open at each hand-off.
 * Can be told to throw on publish, to prove failures never change a response. Thread-safe.
 */
public final class RecordingHandOffPorts implements GatewayEventPublisher, GuildRevalidation, VoiceRemovals,
        HandOffFailures {
    private final List<String> log = new ArrayList<>();
    private final List<GatewayEvent> events = new ArrayList<>();
    private final BooleanSupplier inTransaction;
    private boolean handedOffInsideTransaction;
    private boolean failPublish;

    public RecordingHandOffPorts(BooleanSupplier inTransaction) {
        this.inTransaction = inTransaction;
    }

    private void record(String line) {
        handedOffInsideTransaction |= inTransaction.getAsBoolean();
        log.add(line);
    }

    @Override
    public synchronized void publish(GatewayEvent event) {
        if (failPublish) {
            throw new IllegalStateException("publish failure for the test");
        }
        record("publish:" + event.type());
        events.add(event);
    }

    @Override
    public synchronized void dropSubscriptions(UserId user, GuildId guild, UnsubscribeReason reason) {
        record("drop:" + user + ":" + reason.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public synchronized void closeSession(SessionId session, CloseReason reason) {
        record("close:" + session);
    }

    @Override
    public synchronized void enqueue(GuildId guild) {
        record("revalidate:" + guild);
    }

    @Override
    public synchronized void removeFromGuild(UserId user, GuildId guild) {
        record("voice.remove:" + user);
    }

    @Override
    public synchronized void reevaluate(GuildId guild) {
        record("voice.reevaluate:" + guild);
    }

    @Override
    public synchronized void failed(String handOff, RuntimeException error) {
        log.add("failed:" + handOff);
    }

    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    public synchronized List<GatewayEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<GatewayEvent> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    public synchronized boolean handedOffInsideTransaction() {
        return handedOffInsideTransaction;
    }

    public synchronized void failPublishing() {
        failPublish = true;
    }

    public synchronized void clear() {
        log.clear();
        events.clear();
    }
}
