package dev.filament.postgres.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.message.port.out.MessageRepository;
import dev.filament.application.message.port.out.ReactionRepository;
import dev.filament.application.message.port.out.ReactionRepository.Added;
import dev.filament.application.message.port.out.ReactionRepositoryContract;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Emoji;
import dev.filament.domain.message.Reaction;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the {@code ReactionRepository} contract on PostgreSQL, plus the 64-emoji cap under a real race. */
@ExtendWith(PostgresExtension.class)
class JooqReactionRepositoryTest extends ReactionRepositoryContract {
    private final MessageWorld world;

    JooqReactionRepositoryTest(TestDatabase db) {
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
    protected ReactionRepository createReactions(GuildPorts store, MessageRepository messages) {
        return world.reactions;
    }

    @Override
    protected UserId createUser() {
        return world.user();
    }

    @Override
    protected void recordObservation(IpObservation observation) {
        throw new UnsupportedOperationException("the reaction contract records no IP observations");
    }

    /**
     * 63 emojis, then 6 writers each adding a new emoji at once, each in its own transaction holding the message lock
     * as the use case does: exactly one gets the 64th slot.
     */
    @Test
    void concurrentNewEmojisNeverPassTheCap() throws Exception {
        UserId a = createUser();
        for (int i = 0; i < Reaction.MAX_EMOJIS_PER_MESSAGE - 1; i++) {
            add(Emoji.of("e" + i), a);
        }
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Added>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                Emoji emoji = Emoji.of("race" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return world.unitOfWork.inTransaction(() -> {
                        messages.lock(channel.id(), message.id()).orElseThrow();
                        return reactions.add(message.id(), emoji, a, T0);
                    });
                }));
            }
            start.countDown();
            List<Added> outcomes = new ArrayList<>();
            for (Future<Added> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsOnlyOnce(Added.INSERTED);
            assertThat(outcomes.stream().filter(o -> o == Added.EMOJI_CAP_REACHED)).hasSize(writers - 1);
        }
        assertThat(tx(() -> messages.page(channel.id(), java.util.Optional.empty(), 1, a)).getFirst().reactions())
                .hasSize(Reaction.MAX_EMOJIS_PER_MESSAGE);
    }
}
