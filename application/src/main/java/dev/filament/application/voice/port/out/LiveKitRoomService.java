package dev.filament.application.voice.port.out;

import java.util.List;

/**
 * Out-port: the LiveKit room API the sync loop needs (SPEC 11.5). Blocking network calls, each bounded by 5 s
 * (connect, request and response together); never called on a request path. A failure or timeout throws
 * {@link LiveKitCallException}, never a secret in its message. Thread-safe.
 */
public interface LiveKitRoomService {

    /** Names of the rooms LiveKit currently has (any naming; the caller keeps its own). */
    List<String> listRooms();

    /** The participants of {@code room}; empty when the room does not exist. */
    List<LiveKitParticipant> listParticipants(String room);

    /** Disconnects {@code identity} from {@code room}; succeeds when it is already gone. */
    void removeParticipant(String room, String identity);

    /** One participant as LiveKit sees it: identity, and whether it publishes an audio track that is not muted. */
    record LiveKitParticipant(String identity, boolean unmutedAudio) {
        public LiveKitParticipant {
            java.util.Objects.requireNonNull(identity, "identity");
        }
    }
}
