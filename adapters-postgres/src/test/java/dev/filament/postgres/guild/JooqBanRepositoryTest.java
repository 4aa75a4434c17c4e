package dev.filament.postgres.guild;

import dev.filament.application.guild.port.out.BanRepositoryContract;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the {@code BanRepository} contract against {@link JooqBanRepository} on PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class JooqBanRepositoryTest extends BanRepositoryContract {
    private final PostgresGuildPorts ports;

    JooqBanRepositoryTest(TestDatabase db) {
        ports = new PostgresGuildPorts(db);
    }

    @Override
    protected GuildPorts createStore() {
        return ports.store();
    }

    @Override
    protected UserId createUser() {
        return ports.user();
    }

    @Override
    protected void recordObservation(IpObservation observation) {
        ports.observe(observation);
    }
}
