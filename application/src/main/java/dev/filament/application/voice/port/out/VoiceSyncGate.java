package dev.filament.application.voice.port.out;

/**
 * Out-port: whether this node runs the LiveKit sync loop now (SPEC 11.5, 17.6: only the holder of the voice-leader
 * lease, and not while Redis is unreachable) and whether the loop may remove LiveKit participants the registry does
 * not know (17.9: only once 330 s have passed since the shared registry was first used). Cheap; never throws.
 */
public interface VoiceSyncGate {

    /** One process: the loop always runs and may always remove unknown participants. */
    VoiceSyncGate SINGLE_PROCESS = new VoiceSyncGate() {
        @Override
        public boolean mayRun() {
            return true;
        }

        @Override
        public boolean mayRemoveUnknown() {
            return true;
        }
    };

    /** Whether this node runs a sync pass now. */
    boolean mayRun();

    /** Whether a pass may remove LiveKit participants whose identity is not in the registry. */
    boolean mayRemoveUnknown();
}
