package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.IpObservationRecorder;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fake {@link IpObservationRecorder}; can be told to fail to prove that failures never fail a login. */
public final class RecordingIpObservationRecorder implements IpObservationRecorder {
    public record Observation(UserId userId, ClientIp clientIp, Instant at) {
    }

    private final List<Observation> observations = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public void observed(UserId userId, ClientIp clientIp, Instant at) {
        if (failing) {
            throw new IllegalStateException("observation store down");
        }
        observations.add(new Observation(userId, clientIp, at));
    }

    public void failFromNowOn() {
        failing = true;
    }

    public List<Observation> observations() {
        return List.copyOf(observations);
    }
}
