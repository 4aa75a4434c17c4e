package dev.filament.application.voice.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Contract every {@link VoiceSyncGate} keeps (SPEC 11.5, 17.6): the LiveKit sync loop runs on exactly one node. */
public abstract class VoiceSyncGateContract {

    /** The number of nodes the implementation is tested with. */
    protected abstract int nodes();

    /** Node {@code index}'s gate, after every node had its chance to take the lease. */
    protected abstract VoiceSyncGate node(int index);

    @Test
    void exactlyOneNodeRunsTheSyncLoop() {
        long running = IntStream.range(0, nodes()).filter(i -> node(i).mayRun()).count();

        assertThat(running).isEqualTo(1);
    }

    @Test
    void askingTwiceDoesNotChangeWhoRuns() {
        int first = IntStream.range(0, nodes()).filter(i -> node(i).mayRun()).findFirst().orElseThrow();

        assertThat(node(first).mayRun()).isTrue();
    }
}
