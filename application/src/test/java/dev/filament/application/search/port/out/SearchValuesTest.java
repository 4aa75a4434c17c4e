package dev.filament.application.search.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.identity.fakes.TestIds;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.search.SearchQuery;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchValuesTest {
    private final TestIds ids = new TestIds();
    private final GuildId guild = new GuildId(ids.next());
    private final ChannelId a = new ChannelId(ids.next());
    private final ChannelId b = new ChannelId(ids.next());

    @Test
    void criteriaLimitIsOneToFifty() {
        SearchQuery q = SearchQuery.parse("x");
        assertThatThrownBy(() -> new SearchCriteria(guild, q, Set.of(a), Optional.empty(), 0))
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> new SearchCriteria(guild, q, Set.of(a), Optional.empty(), 51))
                .hasMessageContaining("limit");
        assertThat(new SearchCriteria(guild, q, Set.of(a), Optional.empty(), 50).limit()).isEqualTo(50);
    }

    @Test
    void criteriaSearchTheRequestedChannelOnlyWhenItIsReadable() {
        SearchQuery q = SearchQuery.parse("x");
        assertThat(new SearchCriteria(guild, q, Set.of(a, b), Optional.empty(), 5).searchedChannels())
                .containsExactlyInAnyOrder(a, b);
        assertThat(new SearchCriteria(guild, q, Set.of(a, b), Optional.of(a), 5).searchedChannels())
                .containsExactly(a);
        SearchCriteria unreadable = new SearchCriteria(guild, q, Set.of(a), Optional.of(b), 5);
        assertThat(unreadable.searchedChannels()).isEmpty();
        assertThat(unreadable.findsNothing()).isTrue();
        assertThat(new SearchCriteria(guild, SearchQuery.parse("*"), Set.of(a), Optional.empty(), 5).findsNothing())
                .isTrue();
    }

    @Test
    void backlogAgeIsWholeSecondsSinceTheOldestRow() {
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(new SearchBacklog(3, Optional.of(t)).oldestAgeSeconds(t.plusMillis(61_900))).isEqualTo(61);
        assertThat(new SearchBacklog(3, Optional.of(t)).oldestAgeSeconds(t.minusSeconds(5))).isZero();
        assertThat(SearchBacklog.empty().oldestAgeSeconds(t)).isZero();
        assertThatThrownBy(() -> new SearchBacklog(0, Optional.of(t))).hasMessageContaining("oldestEnqueuedAt");
    }

    @Test
    void reconcileCountsAreNeverNegative() {
        assertThatThrownBy(() -> new ReconcileResult(-1, 0)).hasMessageContaining("upserted");
        assertThatThrownBy(() -> new ReconcileResult(0, -1)).hasMessageContaining("deleted");
    }
}
