package dev.filament.application.gateway.port.in;

import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;

/** Who sends a gateway command: the authenticated user and session, the connection, and its client IP (SPEC 9.1). */
public record GatewayCaller(UserId user, SessionId session, ConnectionId connection, ClientIp clientIp) {

    public GatewayCaller {
        if (user == null || session == null || connection == null || clientIp == null) {
            throw new IllegalArgumentException("gatewayCaller: user, session, connection and clientIp are required");
        }
    }
}
