package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.USER_IP_OBSERVATIONS;

import dev.filament.application.guild.port.out.IpObservationQuery;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.JooqUnitOfWork;
import java.util.List;
import org.jooq.DSLContext;

/**
 * PostgreSQL {@link IpObservationQuery} over {@code user_ip_observations}, newest first through the index
 * {@code (user_id, last_seen_at DESC)}; runs on the unit of work's context.
 */
public final class JooqIpObservationQuery implements IpObservationQuery {
    private final DSLContext dsl;

    public JooqIpObservationQuery(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
    }

    @Override
    public List<IpObservation> newestFirst(UserId user, int limit) {
        return dsl.selectFrom(USER_IP_OBSERVATIONS)
                .where(USER_IP_OBSERVATIONS.USER_ID.eq(user.value()))
                // the network breaks ties so equal last_seen_at values come back in a stable order
                .orderBy(USER_IP_OBSERVATIONS.LAST_SEEN_AT.desc(), USER_IP_OBSERVATIONS.IP_NETWORK.asc())
                .limit(limit)
                .fetch(r -> new IpObservation(new UserId(r.getUserId()), IpBanRows.network(r.getIpNetwork()),
                        Timestamps.instant(r.getFirstSeenAt()), Timestamps.instant(r.getLastSeenAt())));
    }
}
