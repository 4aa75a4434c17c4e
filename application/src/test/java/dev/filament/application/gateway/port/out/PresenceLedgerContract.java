package dev.filament.application.gateway.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.testing.Eventually;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PresenceLedger} keeps (SPEC 17.6), with two ledgers standing for two nodes of one cluster: a
 * user is online while any node holds them; {@code online} is published by the first node only and {@code offline}
 * by the last; {@code presence_sync} unites every node's users.
 */
public abstract class PresenceLedgerContract {

    /** The ledger of node {@code index} (0 or 1) of one shared cluster. */
    protected abstract PresenceLedger node(int index);

    /** Waits until node {@code index} has applied every transition handed to it (transitions may be asynchronous). */
    protected void settle(int index) throws Exception {
    }

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private static GuildId guild() {
        return GuildId.of(ulid());
    }

    private static String ulid() {
        String hex = UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        return ("01" + hex.replaceAll("[^0-9A-HJKMNP-TV-Z]", "0")).substring(0, 26);
    }

    @Test
    void onlineFromTheFirstNodeOfflineFromTheLast() throws Exception {
        GuildId g = guild();
        UserId u = UserId.of(ulid());
        AtomicInteger published = new AtomicInteger();
        node(0).transition(g, u, PresenceStatus.ONLINE, published::incrementAndGet);
        Eventually.until("first online", PATIENCE, () -> published.get() == 1);
        node(1).transition(g, u, PresenceStatus.ONLINE, published::incrementAndGet);
        settle(1);
        node(0).transition(g, u, PresenceStatus.OFFLINE, published::incrementAndGet);
        settle(0);
        AtomicInteger last = new AtomicInteger();
        node(1).transition(g, u, PresenceStatus.OFFLINE, last::incrementAndGet);
        Eventually.until("last offline", PATIENCE, () -> last.get() == 1);
        assertThat(published).as("the second online and the first offline publish nothing").hasValue(1);
    }

    @Test
    void presenceSyncUnitesEveryNode() throws Exception {
        GuildId g = guild();
        UserId here = UserId.of(ulid());
        UserId there = UserId.of(ulid());
        AtomicInteger done = new AtomicInteger();
        node(1).transition(g, there, PresenceStatus.ONLINE, done::incrementAndGet);
        Eventually.until("online on node 1", PATIENCE, () -> done.get() == 1);
        List<UserId> online = node(0).online(g, List.of(here));
        assertThat(online).containsExactlyElementsOf(java.util.stream.Stream.of(here, there).sorted().toList());
    }
}
