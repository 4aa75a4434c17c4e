package dev.filament.redis.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.gateway.port.out.RelayedDelivery;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.redis.RedisBound;
import dev.filament.redis.RedisTestNodes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay (SPEC 17.3) between two nodes on a real redis-server: order, own entries, kinds, gaps. */
class RelayTest {
    private static final GuildId G = GuildId.of("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    private static final ChannelId C = ChannelId.of("01ARZ3NDEKTSV4RRFFQ69G5FAW");
    private static final UserId U = UserId.of("01ARZ3NDEKTSV4RRFFQ69G5FAX");
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private static RedisTestNodes redis;
    private static RelayPublisher publisherA;
    private static RelayReader readerA;
    private static RelayReader readerB;
    private static final Recording atA = new Recording();
    private static final Recording atB = new Recording();

    /** What a node's gateway got from the relay. */
    static final class Recording implements RelayedDelivery {
        final List<String> items = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(GatewayEvent event) {
            items.add(event.type() + " " + event.payloadJson());
        }

        @Override
        public void drop(UserId user, GuildId guild, UnsubscribeReason reason) {
            items.add("drop " + user + " " + reason);
        }

        @Override
        public void closeAll(CloseReason reason) {
            items.add("close " + reason.reason());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        redis = RedisTestNodes.start(2);
        publisherA = new RelayPublisher(redis.node(0), ClusterTelemetry.NONE);
        publisherA.start();
        readerA = reader(0, atA);
        readerB = reader(1, atB);
        Eventually.until("readers connected", PATIENCE, () -> readerA.connected() && readerB.connected());
    }

    private static RelayReader reader(int node, Recording into) {
        RelayReader reader = new RelayReader(redis.node(node), into, guild -> into.items.add("revalidate " + guild),
                session -> into.items.add("revoke " + session), ClusterTelemetry.NONE);
        reader.start();
        return reader;
    }

    @AfterAll
    static void stop() throws Exception {
        readerA.close();
        readerB.close();
        publisherA.close();
        redis.close();
    }

    @Test
    void entriesReachTheOtherNodeInPublishOrderAndNeverTheirOrigin() {
        RedisRelay relay = new RedisRelay(publisherA);
        atB.items.clear();
        for (int i = 0; i < 300; i++) {
            relay.event(GatewayEvent.of("message_create", GatewayEvent.Scope.channel(G, C), "{\"i\":" + i + "}"));
        }
        relay.drop(U, G, UnsubscribeReason.KICK);
        relay.revocations(s -> { }).sessionRevoked(SessionId.of("01ARZ3NDEKTSV4RRFFQ69G5FAY"));
        relay.revalidation(g -> { }).enqueue(G);
        relay.event(GatewayEvent.of("presence_update", GatewayEvent.Scope.guildAudience(G, java.util.Set.of(U)),
                "{\"last\":true}"));
        Eventually.until("everything arrived on B", PATIENCE, () -> atB.items.size() == 304);
        for (int i = 0; i < 300; i++) {
            assertThat(atB.items.get(i)).isEqualTo("message_create {\"i\":" + i + "}");
        }
        assertThat(atB.items.subList(300, 304)).containsExactly("drop " + U + " KICK",
                "revoke 01ARZ3NDEKTSV4RRFFQ69G5FAY", "revalidate " + G, "presence_update {\"last\":true}");
        assertThat(atA.items).as("own entries are skipped").noneMatch(s -> s.startsWith("message_create"));
    }

    @Test
    void aHoleInAnOriginsSequenceClosesEveryLocalConnectionWithRelayGap() {
        atB.items.clear();
        append("other.01X", 1);
        append("other.01X", 2);
        append("other.01X", 4);
        Eventually.until("gap seen", PATIENCE, () -> atB.items.contains("close relay_gap"));
        assertThat(atB.items).containsExactly("message_create {}", "message_create {}", "close relay_gap",
                "message_create {}");
    }

    private static void append(String origin, long n) {
        Map<String, String> body = new java.util.HashMap<>(new RelayEntry.Event(
                GatewayEvent.of("message_create", GatewayEvent.Scope.channel(G, C), "{}")).fields());
        body.putAll(Map.of("o", origin, "n", Long.toString(n), "ts", Long.toString(System.currentTimeMillis())));
        assertThat(redis.node(0).call(RedisBound.BACKGROUND, "other", c -> c.xadd(RelayPublisher.STREAM, body)))
                .isPresent();
    }
}
