package dev.filament.postgres.message;

import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.message.port.out.MessageRepository;
import dev.filament.application.message.port.out.MessageRepositoryContract;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the {@code MessageRepository} contract against {@link JooqMessageRepository} on PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class JooqMessageRepositoryTest extends MessageRepositoryContract {
    private final MessageWorld world;

    JooqMessageRepositoryTest(TestDatabase db) {
        world = new MessageWorld(db);
    }

    @Override
    protected GuildPorts createStore() {
        return world.store;
    }

    @Override
    protected MessageRepository createMessages(GuildPorts store) {
        return world.messages;
    }

    @Override
    protected UserId createUser() {
        return world.user();
    }

    @Override
    protected void recordObservation(IpObservation observation) {
        throw new UnsupportedOperationException("the message contract records no IP observations");
    }
}
