package dev.filament.postgres.message;

import static dev.filament.postgres.jooq.Tables.BLOB_GC;

import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.message.port.out.AttachmentRepository;
import dev.filament.application.message.port.out.AttachmentRepositoryContract;
import dev.filament.application.message.port.out.MessageRepository;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the {@code AttachmentRepository} contract on PostgreSQL (the V4 trigger fills {@code blob_gc}). */
@ExtendWith(PostgresExtension.class)
class JooqAttachmentRepositoryTest extends AttachmentRepositoryContract {
    private final MessageWorld world;

    private final List<String> before;

    JooqAttachmentRepositoryTest(TestDatabase db) {
        world = new MessageWorld(db);
        before = keys();
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
    protected AttachmentRepository createAttachments(GuildPorts store, MessageRepository messages) {
        return world.attachments;
    }

    /** Keys queued since this test started: the database (and its {@code blob_gc}) is shared by the test classes. */
    @Override
    protected List<String> collectedKeys() {
        List<String> now = keys();
        now.removeAll(before);
        return now;
    }

    private List<String> keys() {
        return world.unitOfWork.inTransaction(() -> new ArrayList<>(world.unitOfWork.dsl()
                .select(BLOB_GC.OBJECT_KEY).from(BLOB_GC).fetch(BLOB_GC.OBJECT_KEY)));
    }

    @Override
    protected UserId createUser() {
        return world.user();
    }

    @Override
    protected void recordObservation(IpObservation observation) {
        throw new UnsupportedOperationException("the attachment contract records no IP observations");
    }
}
