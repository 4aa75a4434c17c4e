package dev.filament.postgres.guild;

import dev.filament.application.guild.service.GuildStore;
import dev.filament.postgres.JooqUnitOfWork;
import java.util.Objects;

/**
 * The PostgreSQL guild out-ports (SPEC 5-7), built for the bootstrap from the server's one {@link JooqUnitOfWork}
 * and handed to the use cases as one {@link GuildStore}. Holds no resources of its own.
 */
public final class PostgresGuildAdapters {
    private final GuildStore store;

    private PostgresGuildAdapters(JooqUnitOfWork unitOfWork) {
        this.store = new GuildStore(unitOfWork, new JooqGuildRepository(unitOfWork),
                new JooqChannelRepository(unitOfWork), new JooqRoleRepository(unitOfWork),
                new JooqMemberRepository(unitOfWork), new JooqBanRepository(unitOfWork),
                new JooqIpBanRepository(unitOfWork), new JooqIpObservationQuery(unitOfWork),
                new JooqAuditLog(unitOfWork), new JooqUserDirectory(unitOfWork), new JooqAccessLoader(unitOfWork));
    }

    public static PostgresGuildAdapters create(JooqUnitOfWork unitOfWork) {
        return new PostgresGuildAdapters(Objects.requireNonNull(unitOfWork, "unitOfWork"));
    }

    /** Every guild port joined to the unit of work, for {@code GuildUseCases.kit(store, ...)}. */
    public GuildStore store() {
        return store;
    }
}
