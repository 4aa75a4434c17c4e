package dev.filament.postgres.message;

import static dev.filament.postgres.jooq.Tables.ATTACHMENTS;
import static dev.filament.postgres.jooq.Tables.BLOB_GC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.blob.fakes.InMemoryBlobStore;
import dev.filament.application.blob.fakes.InMemoryMimeSniffer;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.service.BlobUploads;
import dev.filament.application.guild.port.in.CreateChannelUseCase.CreateChannelCommand;
import dev.filament.application.guild.port.in.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.port.out.RecordingHandOffPorts;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.message.port.in.DeleteMessageUseCase.DeleteMessageCommand;
import dev.filament.application.message.port.in.UploadAttachmentUseCase;
import dev.filament.application.message.port.in.UploadAttachmentUseCase.UploadAttachmentCommand;
import dev.filament.application.message.service.UploadAttachmentService;
import dev.filament.application.shared.RateLimiter;
import dev.filament.application.shared.RequestBudget;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.message.AttachmentFilename;
import dev.filament.domain.message.Emoji;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.message.MessageView;
import dev.filament.postgres.Jooq;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.blob.JooqBlobTombstones;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attachments over the jOOQ adapters: the quota under two concurrent uploads of one user, binding and the message
 * delete's collector hand-off, and the statement counts the message hot paths keep (issue #11).
 */
@ExtendWith(PostgresExtension.class)
class AttachmentsOverPostgresTest {
    private final TestDatabase db;
    private final MessageWorld w;
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final UploadAttachmentUseCase upload;
    private final UserId owner;
    private final Guild guild;
    private final Channel channel;

    AttachmentsOverPostgresTest(TestDatabase db) {
        this.db = db;
        w = new MessageWorld(db);
        RecordingHandOffPorts failures = new RecordingHandOffPorts(() -> false);
        upload = new UploadAttachmentService(new RateLimiter(UploadAttachmentService.LIMIT, w.clock),
                w.graph.ladder(), w.unitOfWork, w.attachments,
                new BlobUploads(blobs, new InMemoryMimeSniffer(), new JooqBlobTombstones(w.unitOfWork), w.unitOfWork,
                        w.clock), new JooqBlobTombstones(w.unitOfWork), blobs,
                new HandOffs(w.gateway, new SimpleJsonSerializer(), failures, failures, failures), w.ids, w.clock);
        owner = w.user();
        guild = w.guilds.createGuild().create(new CreateGuildCommand(owner, "media", Optional.empty()));
        channel = w.guilds.createChannel().create(new CreateChannelCommand(owner, MessageWorld.IP, guild.id(),
                "general", Optional.empty()));
    }

    private Attachment upload(InputStream body) {
        return upload.upload(new UploadAttachmentCommand(owner, MessageWorld.IP, guild.id(), channel.id(),
                Optional.of("f.txt"), Optional.empty(), body));
    }

    /** Rows of the owner's taking {@code bytes} in all (each at most the 25 MiB cap). */
    private void alreadyUsing(long bytes) {
        w.unitOfWork.run(() -> {
            for (long left = bytes; left > 0; left -= Attachment.MAX_BYTES) {
                w.attachments.insert(new Attachment(w.ids.newAttachmentId(), guild.id(), channel.id(), owner,
                        Optional.empty(), AttachmentFilename.DEFAULT, "text/plain",
                        Math.min(left, Attachment.MAX_BYTES), "ab".repeat(32), w.clock.instant()));
            }
        });
    }

    /** Two uploads of 10 bytes with 15 left: both pass the pre-check and stream at once; exactly one commits. */
    @Test
    void twoConcurrentUploadsThatTogetherPassTheQuotaLetExactlyOneThrough() throws Exception {
        alreadyUsing(Attachment.QUOTA_BYTES - 15);
        CyclicBarrier bothStreaming = new CyclicBarrier(2);
        List<Future<Object>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    try {
                        return upload(new BarrierBody(bothStreaming, "0123456789".getBytes()));
                    } catch (ConflictException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get(20, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o instanceof Attachment).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ConflictException).hasSize(1);
        }
        assertThat(w.unitOfWork.inTransaction(() -> w.attachments.usageBytes(owner)))
                .isEqualTo(Attachment.QUOTA_BYTES - 5);
        assertThat(blobs.size()).as("the refused upload's blob is deleted").isEqualTo(1);
    }

    @Test
    void aMessageBindsItsUploadAndItsDeleteQueuesTheBlobForTheCollector() {
        Attachment a = upload(new ByteArrayInputStream("hello".getBytes()));
        MessageView m = w.useCases.create().create(CreateMessageCommand.rest(owner, MessageWorld.IP, guild.id(),
                channel.id(), "", List.of(a.id().value())));
        assertThat(m.attachments()).singleElement().satisfies(x -> assertThat(x.messageId())
                .contains(m.message().id()));
        assertThat(w.unitOfWork.inTransaction(() -> w.unitOfWork.dsl().fetchCount(BLOB_GC,
                BLOB_GC.OBJECT_KEY.eq(a.objectKey())))).as("the upload's tombstone was cancelled").isZero();

        w.useCases.delete().delete(new DeleteMessageCommand(owner, MessageWorld.IP, guild.id(), channel.id(),
                m.message().id()));

        assertThat(w.unitOfWork.inTransaction(() -> w.unitOfWork.dsl().fetchCount(ATTACHMENTS,
                ATTACHMENTS.ATTACHMENT_ID.eq(a.id().value())))).isZero();
        assertThat(w.unitOfWork.inTransaction(() -> w.unitOfWork.dsl().fetchCount(BLOB_GC,
                BLOB_GC.OBJECT_KEY.eq(BlobKey.attachment(a.id().value()).value())))).isEqualTo(1);
        assertThat(w.collectorWakes.get()).isEqualTo(1);
    }

    /** Issue #11: a page with reactions and attachments, an edit and a delete are one statement each. */
    @Test
    void pageEditAndDeleteOfMessagesWithMediaAreOneStatementEach() {
        Attachment a = upload(new ByteArrayInputStream("hello".getBytes()));
        MessageView m = w.useCases.create().create(CreateMessageCommand.rest(owner, MessageWorld.IP, guild.id(),
                channel.id(), "x", List.of(a.id().value())));
        w.unitOfWork.run(() -> {
            w.messages.lock(channel.id(), m.message().id());
            w.reactions.add(m.message().id(), Emoji.of("a"), owner, w.clock.instant());
        });
        AtomicInteger statements = new AtomicInteger();
        JooqUnitOfWork counted = new JooqUnitOfWork(DSL.using(Jooq.dsl(db.dataSource()).configuration()
                .deriveAppending(ExecuteListener.onExecuteStart(ctx -> statements.incrementAndGet()))),
                Duration.ofSeconds(5), Duration.ofSeconds(2), new RequestBudget());
        JooqMessageRepository messages = new JooqMessageRepository(counted);

        var page = counted.inTransaction(() -> messages.page(channel.id(), Optional.empty(), 100, owner));
        assertThat(statements.getAndSet(0)).isEqualTo(1);
        assertThat(page.getFirst().attachments()).hasSize(1);
        assertThat(page.getFirst().reactions()).hasSize(1);
        counted.run(() -> messages.edit(channel.id(), m.message().id(), MessageContent.of("y"), w.clock.instant(),
                owner));
        assertThat(statements.getAndSet(0)).isEqualTo(1);
        counted.run(() -> messages.delete(channel.id(), m.message().id()));
        assertThat(statements.get()).isEqualTo(1);
    }

    /** A body whose first read waits until the other upload's body is being read too. */
    private static final class BarrierBody extends InputStream {
        private final CyclicBarrier barrier;
        private final ByteArrayInputStream bytes;
        private boolean started;

        BarrierBody(CyclicBarrier barrier, byte[] bytes) {
            this.barrier = barrier;
            this.bytes = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (!started) {
                started = true;
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return bytes.read(b, off, len);
        }
    }
}
