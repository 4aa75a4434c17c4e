package dev.filament.application.message.port.out;

import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.guild.port.out.InMemoryGuildDatabase;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;
import java.util.List;

/** Runs the {@link AttachmentRepository} contract against the in-memory fake. */
class InMemoryAttachmentRepositoryTest extends AttachmentRepositoryContract {
    private final InMemoryGuildDatabase db = new InMemoryGuildDatabase();
    private InMemoryMessageRepository repository;

    @Override
    protected GuildPorts createStore() {
        return db.store(new InMemoryUnitOfWork());
    }

    @Override
    protected MessageRepository createMessages(GuildPorts store) {
        repository = new InMemoryMessageRepository();
        return repository;
    }

    @Override
    protected AttachmentRepository createAttachments(GuildPorts store, MessageRepository messages) {
        return repository.attachments();
    }

    @Override
    protected List<String> collectedKeys() {
        return repository.attachments().deletedKeys();
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
