package dev.filament.application.shared.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.RateLimiter;
import dev.filament.application.shared.port.out.SharedRateLimits;
import dev.filament.application.shared.port.out.SharedRateLimitsContract;
import dev.filament.domain.ratelimit.LimitPolicy;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class InMemorySharedRateLimitsTest extends SharedRateLimitsContract {
    private final InMemorySharedRateLimits store = new InMemorySharedRateLimits(Clock.systemUTC());

    @Override
    protected SharedRateLimits node(int index) {
        return store;
    }

    @Test
    void aLimiterFallsBackToItsOwnStateWhenTheSharedStoreDoesNotAnswer() {
        LimitPolicy policy = LimitPolicy.slidingWindow("auth_login", 2, 60);
        RateLimiter nodeA = new RateLimiter(policy, Clock.systemUTC(), store);
        RateLimiter nodeB = new RateLimiter(policy, Clock.systemUTC(), store);
        assertThat(nodeA.check("k").allowed()).isTrue();
        assertThat(nodeB.check("k").allowed()).isTrue();
        assertThat(nodeA.check("k").allowed()).as("shared: the third is refused").isFalse();
        store.down(true);
        assertThat(nodeA.check("k").allowed()).as("local state of A: empty").isTrue();
        assertThat(nodeA.check("k").allowed()).isTrue();
        assertThat(nodeA.check("k").allowed()).as("A's own quota").isFalse();
    }
}
