package dev.filament.application.identity.port.in;

import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;

/** The caller of an authenticated request: user, session and the username current at lookup time. */
public record AuthenticatedUser(UserId userId, SessionId sessionId, Username username) {
    public AuthenticatedUser {
        if (userId == null || sessionId == null || username == null) {
            throw new IllegalArgumentException("authenticatedUser: userId, sessionId and username required");
        }
    }
}
