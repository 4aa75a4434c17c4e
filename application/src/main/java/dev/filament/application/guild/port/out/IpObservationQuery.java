package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;
import java.util.List;

/** Out-port: reads the networks a user was seen from (table {@code user_ip_observations}), in a transaction. */
public interface IpObservationQuery {

    /** The user's observations, {@code last_seen_at DESC}, at most {@code limit}. */
    List<IpObservation> newestFirst(UserId user, int limit);
}
