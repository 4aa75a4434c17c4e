package dev.filament.realtime;

import dev.filament.domain.gateway.CloseReason;

/** How a connection's parts (writer, watchdog, dispatcher) ask for it to be closed and report that it is gone. */
interface SessionLifecycle {

    /** Closes the connection with {@code reason} (the first reason wins) and runs its departure. Never blocks. */
    void close(ConnectionSession session, CloseReason reason);

    /** Discards a detached gateway session (revoked, expired, over a bound); no-op for any other. Never blocks. */
    void discard(ConnectionSession session);

    /** The connection's writer has finished: the close frame was sent or the socket aborted. */
    void finished(ConnectionSession session);
}
