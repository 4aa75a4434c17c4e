package dev.filament.realtime.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.application.voice.port.out.VoiceRegistry.IssueOutcome;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.StreamSource;
import dev.filament.domain.voice.VoiceCapacity;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The registry under concurrent callers: publishing outside the lock, global event order, and the caps. */
class LocalVoiceRegistryConcurrencyTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Pattern CHANNEL = Pattern.compile("\"channel_id\":\"([0-9A-Z]+)\"");
    private static final Pattern USER = Pattern.compile("\"user_id\":\"([0-9A-Z]+)\"");

    private final TestIds ids = new TestIds();
    private final VoiceEventPayloads payloads = new VoiceEventPayloads(new TestJson());

    @Test
    void aPublisherStuckInPublish_doesNotBlockOtherCallers_andTheirEventsFollowInChangeOrder() throws Exception {
        BlockingPublisher publisher = new BlockingPublisher();
        LocalVoiceRegistry registry = new LocalVoiceRegistry(publisher, payloads);
        VoiceRoom room = VoiceRoom.of(ids.newGuildId(), ids.newChannelId());
        VoiceIdentity first = room.identityOf(ids.newUserId());
        VoiceIdentity second = room.identityOf(ids.newUserId());
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<IssueOutcome> stuck = pool.submit(() -> registry.issue(first, VoiceGrant.of(true), T0,
                    T0.plusSeconds(300)));
            assertThat(publisher.entered.await(5, TimeUnit.SECONDS)).isTrue();

            Future<?> others = pool.submit(() -> {
                registry.issue(second, VoiceGrant.of(false, StreamSource.MICROPHONE), T0, T0.plusSeconds(300));
                registry.updateState(second, Optional.of(true), Optional.empty(), T0);
                registry.checkCapacity(room.identityOf(ids.newUserId()), T0);
                registry.leave(first, T0);
                return registry.participants(room);
            });
            others.get(5, TimeUnit.SECONDS); // completes while the first caller is stuck publishing

            assertThat(publisher.types()).containsExactly("voice_participant_join");
            publisher.release.countDown();
            assertThat(stuck.get(5, TimeUnit.SECONDS)).isEqualTo(IssueOutcome.JOINED);
        }
        assertThat(publisher.types()).containsExactly("voice_participant_join", "voice_participant_join",
                "voice_stream_publish", "voice_participant_update", "voice_participant_leave");
        assertThat(registry.participants(room)).extracting(VoiceParticipant::identity).containsExactly(second);
    }

    @Test
    void manyThreadsIssuingAndLeaving_neverExceedTheCaps_andTheEventStreamReplaysToTheFinalState()
            throws Exception {
        VoiceCapacity capacity = new VoiceCapacity(3, 4);
        ReplayingPublisher replay = new ReplayingPublisher(capacity);
        LocalVoiceRegistry registry = new LocalVoiceRegistry(replay, payloads, capacity);
        GuildId guild = ids.newGuildId();
        List<VoiceRoom> rooms = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rooms.add(VoiceRoom.of(guild, ids.newChannelId()));
        }
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            users.add(ids.newUserId());
        }
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(t);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 2000; i++) {
                        step(registry, random, rooms, users);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(replay.violations).isEmpty();
        Map<String, Set<String>> actual = new HashMap<>();
        for (VoiceRoom room : registry.rooms()) {
            Set<String> members = new HashSet<>();
            registry.participants(room).forEach(p -> members.add(p.user().value()));
            actual.put(room.channel().value(), members);
        }
        assertThat(replay.state).isEqualTo(actual);
        assertThat(replay.maxChannelsSeen).isEqualTo(3);
        assertThat(replay.maxPerChannelSeen).isEqualTo(4);
    }

    private static void step(LocalVoiceRegistry registry, Random random, List<VoiceRoom> rooms,
            List<UserId> users) {
        VoiceIdentity id = rooms.get(random.nextInt(rooms.size())).identityOf(users.get(random.nextInt(users.size())));
        switch (random.nextInt(5)) {
            case 0, 1, 2 -> {
                try {
                    registry.checkCapacity(id, T0);
                    registry.issue(id, VoiceGrant.of(true, StreamSource.MICROPHONE), T0, T0.plusSeconds(300));
                } catch (ConflictException full) {
                    // expected at the caps
                }
            }
            case 3 -> registry.leave(id, T0);
            default -> registry.removeUserEverywhere(id.user(), T0);
        }
    }

    /** Publisher whose first publish blocks until released. */
    private static final class BlockingPublisher extends NoCommands {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final List<String> types = new ArrayList<>();

        @Override
        public void publish(GatewayEvent event) {
            synchronized (this) {
                types.add(event.type());
            }
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized List<String> types() {
            return List.copyOf(types);
        }
    }

    /** Rebuilds channel membership from the event stream and records any moment beyond the caps. */
    private static final class ReplayingPublisher extends NoCommands {
        final Map<String, Set<String>> state = new HashMap<>();
        final List<String> violations = new ArrayList<>();
        final VoiceCapacity capacity;
        int maxChannelsSeen;
        int maxPerChannelSeen;

        ReplayingPublisher(VoiceCapacity capacity) {
            this.capacity = capacity;
        }

        @Override
        public synchronized void publish(GatewayEvent event) {
            String channel = field(CHANNEL, event);
            String user = field(USER, event);
            switch (event.type()) {
                case "voice_participant_join" -> {
                    if (!state.computeIfAbsent(channel, c -> new HashSet<>()).add(user)) {
                        violations.add("double join " + user);
                    }
                }
                case "voice_participant_leave" -> {
                    Set<String> members = state.get(channel);
                    if (members == null || !members.remove(user)) {
                        violations.add("leave without join " + user);
                    } else if (members.isEmpty()) {
                        state.remove(channel);
                    }
                }
                default -> { }
            }
            long seatsOfUser = state.values().stream().filter(m -> m.contains(user)).count();
            if (seatsOfUser > 1) {
                violations.add("user in two channels " + user);
            }
            maxChannelsSeen = Math.max(maxChannelsSeen, state.size());
            state.values().forEach(m -> maxPerChannelSeen = Math.max(maxPerChannelSeen, m.size()));
            if (state.size() > capacity.maxChannels() || maxPerChannelSeen > capacity.maxParticipantsPerChannel()) {
                violations.add("over capacity after " + event.type());
            }
        }

        private static String field(Pattern p, GatewayEvent e) {
            Matcher m = p.matcher(e.payloadJson());
            return m.find() ? m.group(1) : "";
        }
    }

    private abstract static class NoCommands implements GatewayEventPublisher {
        @Override
        public void dropSubscriptions(UserId user, GuildId guild, UnsubscribeReason reason) {
        }

        @Override
        public void closeSession(SessionId session, CloseReason reason) {
        }
    }
}
