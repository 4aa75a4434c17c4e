package dev.filament.postgres.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.search.port.out.SearchHarness;
import dev.filament.application.search.port.out.SearchOutboxContract;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class JooqSearchOutboxTest extends SearchOutboxContract {
    private static SearchPool pool;

    @BeforeAll
    static void openPool(TestDatabase db) {
        pool = SearchPool.shortLocks(db);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Override
    protected SearchHarness harness() {
        return new PostgresSearchHarness(pool);
    }

    @Test
    void outboxRowsRollBackWithTheCallersTransaction() {
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);

        assertThatThrownBy(() -> run(() -> {
            h.outbox().enqueueUpsert(g, h.newMessage(g, c, "never committed"));
            h.outbox().enqueueRebuild(g);
            throw new IllegalStateException("use case failed after writing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(h.outboxRows(g)).isEmpty();
    }
}
