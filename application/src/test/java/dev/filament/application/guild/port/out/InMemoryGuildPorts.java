package dev.filament.application.guild.port.out;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;

/** The hooks of {@link GuildPortContractSupport} over one {@link InMemoryGuildDatabase}, for the InMemory tests. */
final class InMemoryGuildPorts {
    private final InMemoryGuildDatabase db = new InMemoryGuildDatabase();
    private final TestIds ids = new TestIds();

    GuildPorts store() {
        return db.store(new InMemoryUnitOfWork().enlist(db));
    }

    UserId user() {
        UserId user = ids.newUserId();
        db.addUser(user);
        return user;
    }

    void observe(IpObservation observation) {
        db.observe(observation);
    }
}
