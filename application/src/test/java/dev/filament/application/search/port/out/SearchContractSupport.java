package dev.filament.application.search.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.search.SearchQuery;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up and steps of the search contract suites; subclasses name the store through {@link #harness()}. */
public abstract class SearchContractSupport {
    private static final int MAX_BATCHES = 10_000;

    protected SearchHarness h;

    /** A fresh harness per test (ports over one store, a clock at the current second). */
    protected abstract SearchHarness harness();

    @BeforeEach
    void setUpHarness() {
        h = harness();
    }

    protected <T> T tx(Supplier<T> work) {
        return h.unitOfWork().inTransaction(work);
    }

    protected void run(Runnable work) {
        h.unitOfWork().run(work);
    }

    /** A message written the way message create does it: row and upsert outbox row in one transaction. */
    protected MessageId post(GuildId guild, ChannelId channel, String content) {
        return tx(() -> {
            MessageId id = h.newMessage(guild, channel, content);
            h.outbox().enqueueUpsert(guild, id);
            return id;
        });
    }

    /** Applies every due upsert batch and rebuild step; fails the test on a failed batch. */
    protected int drain() {
        int rows = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            BatchResult upserts = h.store().indexDueUpserts();
            BatchResult rebuild = h.store().rebuildNextBatch();
            assertThat(upserts).isNotInstanceOf(BatchResult.Failed.class);
            assertThat(rebuild).isNotInstanceOf(BatchResult.Failed.class);
            if (upserts instanceof BatchResult.Idle && rebuild instanceof BatchResult.Idle) {
                return rows;
            }
            rows += upserts.rows() + rebuild.rows();
        }
        throw new AssertionError("the store never ran out of due work");
    }

    protected List<MessageId> search(GuildId guild, String q, Set<ChannelId> readable) {
        return search(guild, q, readable, Optional.empty(), SearchCriteria.MAX_LIMIT);
    }

    protected List<MessageId> search(GuildId guild, String q, Set<ChannelId> readable, Optional<ChannelId> channel,
                                     int limit) {
        return h.queries().find(new SearchCriteria(guild, SearchQuery.parse(q), readable, channel, limit));
    }
}
