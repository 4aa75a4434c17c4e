package dev.filament.application.message.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.message.AttachmentFilename;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.StoredMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link AttachmentRepository} keeps together with the {@link MessageRepository} of the same store:
 * the quota sums, lookups by channel, the one-statement bind and its refusals, the message's attachments on its page
 * entry, the message delete taking its attachments (and their keys to the collector), and the sweeper's batches.
 */
public abstract class AttachmentRepositoryContract extends MessagePortContractSupport {
    protected static final String SHA = "ab".repeat(32);
    protected AttachmentRepository attachments;
    protected Guild guild;
    protected Channel channel;
    protected UserId owner;

    protected abstract AttachmentRepository createAttachments(GuildPorts store, MessageRepository messages);

    /** The object keys the store queued for the collector (the V4 trigger's {@code blob_gc} rows). */
    protected abstract List<String> collectedKeys();

    @BeforeEach
    void setUpAttachments() {
        attachments = createAttachments(store, messages);
        guild = newGuild();
        channel = newChannel(guild);
        owner = guild.createdBy();
    }

    protected Attachment upload(Channel in, UserId by, long size, Instant at) {
        Attachment a = new Attachment(ids.newAttachmentId(), in.guildId(), in.id(), by, Optional.empty(),
                AttachmentFilename.of("ré sumé\u00A0.pdf"), "application/pdf", size, SHA, at);
        run(() -> attachments.insert(a));
        return a;
    }

    private Attachment bound(Attachment a, Message m) {
        return new Attachment(a.id(), a.guildId(), a.channelId(), a.ownerId(), Optional.of(m.id()), a.filename(),
                a.mimeType(), a.sizeBytes(), a.sha256Hex(), a.createdAt());
    }

    @Test
    void usageSumsEveryOwnedAttachmentBoundOrNot() {
        UserId other = createUser();
        upload(channel, owner, 10, T0);
        Attachment b = upload(channel, owner, 32, T0);
        upload(channel, other, 1000, T0);
        Message m = post(channel, owner, "x", T0);
        run(() -> attachments.bind(m, Set.of(b.id())));

        assertThat(tx(() -> attachments.usageBytes(owner))).isEqualTo(42);
        assertThat(tx(() -> attachments.lockOwnerAndSumUsage(owner))).isEqualTo(42);
        assertThat(tx(() -> attachments.usageBytes(createUser()))).isZero();
    }

    @Test
    void findAndLockSeeOnlyTheAttachmentsOwnChannelWithEveryField() {
        Attachment a = upload(channel, owner, 5, T0.plusMillis(700));

        assertThat(tx(() -> attachments.find(channel.id(), a.id()))).contains(a);
        assertThat(tx(() -> attachments.lock(channel.id(), a.id()))).contains(a);
        assertThat(tx(() -> attachments.find(newChannel(guild).id(), a.id()))).isEmpty();
        assertThat(tx(() -> attachments.find(channel.id(), ids.newAttachmentId()))).isEmpty();
    }

    @Test
    void bindTakesOnlyTheAuthorsUnboundUploadsOfTheMessagesChannel() {
        UserId other = createUser();
        Attachment mine = upload(channel, owner, 5, T0);
        Attachment mine2 = upload(channel, owner, 6, T0);
        Attachment theirs = upload(channel, other, 5, T0);
        Attachment elsewhere = upload(newChannel(guild), owner, 5, T0);
        Message m = post(channel, owner, "", T0);
        Message earlier = post(channel, owner, "x", T0);
        Attachment taken = upload(channel, owner, 7, T0);
        run(() -> attachments.bind(earlier, Set.of(taken.id())));

        List<Attachment> got = tx(() -> attachments.bind(m, Set.of(mine2.id(), theirs.id(), elsewhere.id(),
                taken.id(), mine.id(), ids.newAttachmentId())));

        assertThat(got).containsExactly(bound(mine, m), bound(mine2, m));
        assertThat(tx(() -> attachments.countBound(m.id()))).isEqualTo(2);
        assertThat(tx(() -> attachments.find(channel.id(), theirs.id())).orElseThrow().isBound()).isFalse();
        List<StoredMessage> page = tx(() -> messages.page(channel.id(), Optional.empty(), 10, other));
        assertThat(page.stream().filter(s -> s.message().id().equals(m.id())).findFirst().orElseThrow()
                .attachments()).containsExactly(bound(mine, m), bound(mine2, m));
        assertThat(tx(() -> messages.findAll(guild.id(), List.of(m.id()), other)).getFirst().attachments())
                .hasSize(2);
    }

    @Test
    void deletingAMessageDeletesItsAttachmentsAndQueuesTheirKeys() {
        Attachment a = upload(channel, owner, 5, T0);
        Attachment kept = upload(channel, owner, 5, T0);
        Message m = post(channel, owner, "", T0);
        run(() -> attachments.bind(m, Set.of(a.id())));

        assertThat(tx(() -> messages.delete(newChannel(guild).id(), m.id()))).isFalse();
        assertThat(tx(() -> attachments.countBound(m.id()))).isEqualTo(1);
        assertThat(tx(() -> messages.delete(channel.id(), m.id()))).isTrue();

        assertThat(tx(() -> attachments.find(channel.id(), a.id()))).isEmpty();
        assertThat(tx(() -> attachments.find(channel.id(), kept.id()))).contains(kept);
        assertThat(collectedKeys()).containsExactly(a.objectKey());
    }

    @Test
    void deleteRemovesOneRowAndQueuesItsKey() {
        Attachment a = upload(channel, owner, 5, T0);

        assertThat(tx(() -> attachments.delete(a.id()))).isTrue();
        assertThat(tx(() -> attachments.delete(a.id()))).isFalse();
        assertThat(collectedKeys()).containsExactly("attachments/" + a.id().value());
    }

    /** Times long before any other test's rows: the PostgreSQL database is shared by the test classes. */
    @Test
    void sweepDeletesOnlyOldUnboundUploadsInBatches() {
        Instant past = Instant.parse("2001-01-01T00:00:00Z");
        Attachment old1 = upload(channel, owner, 5, past);
        Attachment old2 = upload(channel, owner, 5, past.plusSeconds(1));
        Attachment old3 = upload(channel, owner, 5, past.plusSeconds(2));
        Attachment fresh = upload(channel, owner, 5, past.plusSeconds(100));
        Attachment oldBound = upload(channel, owner, 5, past);
        Message m = post(channel, owner, "x", past);
        run(() -> attachments.bind(m, Set.of(oldBound.id())));
        Instant cutoff = past.plusSeconds(50);

        assertThat(tx(() -> attachments.sweepUnbound(cutoff, 2))).isEqualTo(2);
        assertThat(tx(() -> attachments.sweepUnbound(cutoff, 2))).isEqualTo(1);
        assertThat(tx(() -> attachments.sweepUnbound(cutoff, 2))).isZero();

        assertThat(collectedKeys()).containsExactlyInAnyOrder(old1.objectKey(), old2.objectKey(),
                old3.objectKey());
        assertThat(tx(() -> attachments.find(channel.id(), fresh.id()))).isPresent();
        assertThat(tx(() -> attachments.find(channel.id(), oldBound.id()))).isPresent();
    }

    @Test
    void filenamesRoundTripExactly() {
        for (String name : List.of("a\u200Bb.txt", "\uD83D\uDE00 x", "é".repeat(64), " lead and trail ")) {
            Attachment a = new Attachment(ids.newAttachmentId(), guild.id(), channel.id(), owner, Optional.empty(),
                    AttachmentFilename.of(name), "text/plain", 1, SHA, T0);
            run(() -> attachments.insert(a));
            Message m = post(channel, owner, "", T0);
            run(() -> attachments.bind(m, Set.of(a.id())));
            assertThat(tx(() -> messages.findAll(guild.id(), List.of(m.id()), owner)).getFirst().attachments()
                    .getFirst().filename().value()).isEqualTo(name);
        }
    }
}
