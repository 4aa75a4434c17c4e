package dev.filament.realtime;

import dev.filament.domain.id.UserId;

/**
 * Told when a user's last gateway connection closed (SPEC 9.7.8, 11.5: voice removal). Called on the thread that
 * closed the connection, after the registry removal and the presence follow-ups; must not block and should only
 * hand off (publish events, update in-memory state).
 */
@FunctionalInterface
public interface LastConnectionListener {
    LastConnectionListener NONE = user -> { };

    void lastConnectionClosed(UserId user);
}
