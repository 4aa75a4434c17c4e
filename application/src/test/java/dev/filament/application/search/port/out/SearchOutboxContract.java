package dev.filament.application.search.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contract every {@link SearchOutbox} keeps (SPEC 10.2.1, 10.3), run by the fake and the PostgreSQL adapter. */
public abstract class SearchOutboxContract extends SearchContractSupport {

    @Test
    void enqueueUpsert_writesOneUpsertRowDueNowWithNoAttempts() {
        GuildId g = h.newGuild();
        MessageId m = post(g, h.newChannel(g), "hello");

        assertThat(h.outboxRows(g)).singleElement().satisfies(row -> {
            assertThat(row.op()).isEqualTo(OutboxEntry.UPSERT);
            assertThat(row.message()).contains(m);
            assertThat(row.attempts()).isZero();
            assertThat(row.enqueuedAt()).isEqualTo(h.clock().instant());
            assertThat(row.nextAttemptAt()).isEqualTo(h.clock().instant());
        });
    }

    @Test
    void enqueueRebuild_addsOneRowPerGuildAndIsIdempotentWhilePending() {
        GuildId g = h.newGuild();
        GuildId other = h.newGuild();

        assertThat(tx(() -> h.outbox().enqueueRebuild(g))).isTrue();
        assertThat(tx(() -> h.outbox().enqueueRebuild(g))).isFalse();
        assertThat(tx(() -> h.outbox().enqueueRebuild(other))).isTrue();

        assertThat(h.outboxRows(g)).singleElement().satisfies(row -> {
            assertThat(row.op()).isEqualTo(OutboxEntry.REBUILD);
            assertThat(row.message()).isEmpty();
        });
        assertThat(h.outboxRows(other)).hasSize(1);
        drain();
        assertThat(h.outboxRows(g)).isEmpty();
        assertThat(tx(() -> h.outbox().enqueueRebuild(g))).as("a finished rebuild can be requested again").isTrue();
        drain();
    }

    @Test
    void deleteDocument_makesTheDeletedMessageUnfindable() {
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        MessageId kept = post(g, c, "secret plans");
        MessageId deleted = post(g, c, "secret plans");
        drain();

        run(() -> {
            h.removeMessage(deleted);
            h.outbox().deleteDocument(deleted);
        });

        assertThat(h.documentRevision(deleted)).isEmpty();
        assertThat(search(g, "secret", Set.of(c))).containsExactly(kept);
    }

    @Test
    void reconcile_repairsOnlyTheGuildAndCountsWhatItDid() {
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        MessageId current = post(g, c, "current");
        MessageId edited = post(g, c, "before edit");
        MessageId gone = post(g, c, "gone soon");
        GuildId other = h.newGuild();
        MessageId otherGone = post(other, h.newChannel(other), "gone too");
        drain();
        h.editMessage(edited, "after edit");
        MessageId unindexed = tx(() -> h.newMessage(g, c, "never queued"));
        h.removeMessage(gone);
        h.removeMessage(otherGone);

        ReconcileResult result = tx(() -> h.outbox().reconcile(g));

        assertThat(result).isEqualTo(new ReconcileResult(2, 1));
        assertThat(h.outboxRows(g)).extracting(OutboxEntry::message)
                .containsExactlyInAnyOrder(Optional.of(edited), Optional.of(unindexed));
        assertThat(h.documentRevision(gone)).isEmpty();
        assertThat(h.documentRevision(current)).contains(0);
        assertThat(h.documentRevision(otherGone)).as("another guild's documents are not touched").contains(0);
        assertThat(h.outboxRows(other)).isEmpty();
        drain();
        assertThat(h.documentRevision(edited)).contains(1);
        assertThat(search(g, "never", Set.of(c))).containsExactly(unindexed);
        assertThat(tx(() -> h.outbox().reconcile(g))).isEqualTo(new ReconcileResult(0, 0));
    }

    @Test
    void reconcile_ofAGuildWithoutMessages_doesNothing() {
        GuildId g = h.newGuild();
        assertThat(tx(() -> h.outbox().reconcile(g))).isEqualTo(new ReconcileResult(0, 0));
        assertThat(h.outboxRows(g)).isEmpty();
    }
}
