package dev.filament.application.identity.port.out;

import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.time.Instant;

/**
 * Out-port: records that a user was seen from a network (SPEC 6.5), after a successful login. Best effort: the
 * implementation throttles, skips loopback and trusted-proxy addresses, logs its own failures and returns without
 * waiting for a database write.
 */
public interface IpObservationRecorder {

    void observed(UserId userId, ClientIp clientIp, Instant at);
}
