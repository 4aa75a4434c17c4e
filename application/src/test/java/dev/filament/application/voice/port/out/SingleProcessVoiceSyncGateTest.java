package dev.filament.application.voice.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SingleProcessVoiceSyncGateTest extends VoiceSyncGateContract {

    @Override
    protected int nodes() {
        return 1;
    }

    @Override
    protected VoiceSyncGate node(int index) {
        return VoiceSyncGate.SINGLE_PROCESS;
    }

    @Test
    void oneProcessMayAlwaysRemoveUnknownParticipants() {
        assertThat(VoiceSyncGate.SINGLE_PROCESS.mayRemoveUnknown()).isTrue();
    }
}
