package dev.filament.postgres.guild;

import dev.filament.application.guild.port.out.AccessLoaderContract;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the {@code AccessLoader} contract against {@link JooqAccessLoader} on PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class JooqAccessLoaderTest extends AccessLoaderContract {
    private final PostgresGuildPorts ports;

    JooqAccessLoaderTest(TestDatabase db) {
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
