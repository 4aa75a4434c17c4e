package dev.filament.application.identity.port.out;

import dev.filament.domain.id.SessionId;

/**
 * Out-port: told after a commit that a session was revoked, so the gateway closes that session's sockets with 4401
 * {@code session_revoked}. A hand-off: returns at once, never blocks, never throws.
 */
public interface SessionRevocationListener {

    void sessionRevoked(SessionId sessionId);
}
