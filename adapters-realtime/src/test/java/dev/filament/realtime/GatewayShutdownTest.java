package dev.filament.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.gateway.CloseReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Server shutdown closes every connection with 1001 server_shutdown and lets the close frames out first. */
class GatewayShutdownTest {

    @Test
    void shutdownSendsServerShutdownToEveryConnectionBeforeReturning() throws Exception {
        FanoutFixture fx = FanoutFixture.started();
        FanoutFixture.Client a = fx.connect(TestIds.user());
        FanoutFixture.Client b = fx.connect(TestIds.user());

        fx.fanout.shutdown(Duration.ofSeconds(5));

        for (FanoutFixture.Client c : java.util.List.of(a, b)) {
            assertThat(c.session().state()).isEqualTo(ConnectionSession.State.CLOSED);
            assertThat(c.transport().closes()).containsExactly("1001 " + CloseReason.SERVER_SHUTDOWN.reason());
        }
    }
}
