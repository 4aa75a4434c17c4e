package dev.filament.application.voice.service;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.domain.voice.VoiceCapacity;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fake voice registry for the use-case tests: the roster's SPEC rules under one monitor, plus a probe run at every
 * {@link #issue} (to prove it runs after the commit) and a switch that makes {@link #issue} throw.
 */
final class ObservedVoiceRegistry extends RosterVoiceRegistry {
    private final GatewayEventPublisher publisher;
    private final Supplier<String> probe;
    private final List<String> probesAtIssue = new ArrayList<>();
    private boolean failIssue;

    ObservedVoiceRegistry(GatewayEventPublisher publisher, VoiceEventPayloads payloads, VoiceCapacity capacity,
                          Supplier<String> probe) {
        super(capacity, payloads);
        this.publisher = publisher;
        this.probe = probe;
    }

    @Override
    public IssueOutcome issue(VoiceIdentity identity, VoiceGrant grant, Instant now, Instant expiresAt) {
        synchronized (this) {
            probesAtIssue.add(probe.get());
            if (failIssue) {
                throw new IllegalStateException("registry failure for the test");
            }
        }
        return super.issue(identity, grant, now, expiresAt);
    }

    synchronized void failIssue() {
        failIssue = true;
    }

    synchronized List<String> probesAtIssue() {
        return List.copyOf(probesAtIssue);
    }

    @Override
    protected <T> T mutate(Function<List<GatewayEvent>, T> change) {
        List<GatewayEvent> events = new ArrayList<>();
        T result;
        synchronized (this) {
            result = change.apply(events);
        }
        events.forEach(publisher::publish);
        return result;
    }

    @Override
    protected synchronized <T> T read(Supplier<T> query) {
        return query.get();
    }
}
