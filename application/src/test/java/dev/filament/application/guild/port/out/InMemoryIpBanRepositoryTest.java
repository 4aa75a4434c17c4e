package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;

/** Runs the {@link IpBanRepository} contract against the in-memory fake. */
class InMemoryIpBanRepositoryTest extends IpBanRepositoryContract {
    private final InMemoryGuildPorts ports = new InMemoryGuildPorts();

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
