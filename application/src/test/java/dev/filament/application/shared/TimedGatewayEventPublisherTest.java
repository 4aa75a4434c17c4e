package dev.filament.application.shared;

import dev.filament.application.shared.port.out.GatewayEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.RequestTimings;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class TimedGatewayEventPublisherTest {

    /** A publisher that takes at least 3 ms per call and counts calls. */
    static final class SlowPublisher implements GatewayEventPublisher {
        int calls;

        private void spin() {
            calls++;
            long end = System.nanoTime() + 3_000_000;
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(200_000);
            }
        }

        @Override public void publish(GatewayEvent event) { spin(); }
        @Override public void dropSubscriptions(UserId u, GuildId g, UnsubscribeReason r) { spin(); }
        @Override public void closeSession(SessionId s, CloseReason r) { spin(); }
    }

    @Test
    void everyHandOffIsDelegatedAndCountsTowardTheFanoutPhase() {
        RequestTimings timings = new RequestTimings();
        SlowPublisher slow = new SlowPublisher();
        TimedGatewayEventPublisher timed = new TimedGatewayEventPublisher(slow, timings);
        try (RequestTimings.Recording r = timings.open()) {
            timed.dropSubscriptions(UserId.of("01ARZ3NDEKTSV4RRFFQ69G5FAV"), GuildId.of("01ARZ3NDEKTSV4RRFFQ69G5FAW"),
                    UnsubscribeReason.values()[0]);
            timed.closeSession(SessionId.of("01ARZ3NDEKTSV4RRFFQ69G5FAX"), CloseReason.SESSION_REVOKED);
            assertThat(slow.calls).isEqualTo(2);
            assertThat(r.millis(RequestTimings.Phase.FANOUT)).isGreaterThanOrEqualTo(6.0);
            assertThat(r.millis(RequestTimings.Phase.DB)).isZero();
        }
    }
}
