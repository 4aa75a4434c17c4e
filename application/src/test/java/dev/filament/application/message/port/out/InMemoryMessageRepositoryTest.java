package dev.filament.application.message.port.out;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.guild.port.out.InMemoryGuildDatabase;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;

/** Runs the {@link MessageRepository} contract against the in-memory fake. */
class InMemoryMessageRepositoryTest extends MessageRepositoryContract {
    private final InMemoryGuildDatabase db = new InMemoryGuildDatabase();

    @Override
    protected GuildPorts createStore() {
        return db.store(new InMemoryUnitOfWork());
    }

    @Override
    protected MessageRepository createMessages(GuildPorts store) {
        return new InMemoryMessageRepository();
    }

    @Override
    protected UserId createUser() {
        UserId user = ids.newUserId();
        db.addUser(user);
        return user;
    }

    @Override
    protected void recordObservation(IpObservation observation) {
        db.observe(observation);
    }
}
