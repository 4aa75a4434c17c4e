package dev.filament.application.message.port.out;

import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.guild.port.out.InMemoryGuildDatabase;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;

/** Runs the {@link ReactionRepository} contract against the in-memory fake. */
class InMemoryReactionRepositoryTest extends ReactionRepositoryContract {
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
    protected ReactionRepository createReactions(GuildPorts store, MessageRepository messages) {
        return ((InMemoryMessageRepository) messages).reactions();
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
