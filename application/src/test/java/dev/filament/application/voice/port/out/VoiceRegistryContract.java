package dev.filament.application.voice.port.out;

import static dev.filament.domain.voice.StreamSource.CAMERA;
import static dev.filament.domain.voice.StreamSource.MICROPHONE;
import static dev.filament.domain.voice.StreamSource.SCREEN_SHARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.application.voice.port.out.VoiceRegistry.IssueOutcome;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.VoiceCapacity;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link VoiceRegistry} keeps (SPEC 11.3-11.5): event order, caps, expiry, removal triggers. Events
 * are checked as {@code type user [stream]} summaries; payload shapes are pinned in {@code VoiceEventPayloadsTest}.
 */
public abstract class VoiceRegistryContract {
    protected static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Pattern USER = Pattern.compile("\"user_id\":\"([0-9A-Z]+)\"");
    private static final Pattern STREAM = Pattern.compile("\"stream\":\"([a-z_]+)\"");

    private final TestIds ids = new TestIds();
    private final Map<String, String> names = new HashMap<>();
    protected final RecordingGatewayEventPublisher publisher = new RecordingGatewayEventPublisher();
    private VoiceRegistry registry;
    private GuildId guild;
    private VoiceRoom roomA;
    private VoiceRoom roomB;

    /** A fresh, empty registry publishing through {@code publisher}. */
    protected abstract VoiceRegistry newRegistry(GatewayEventPublisher publisher, VoiceEventPayloads payloads,
            VoiceCapacity capacity);

    @BeforeEach
    void setUpContract() {
        registry = registry(VoiceCapacity.SPEC);
        guild = ids.newGuildId();
        roomA = VoiceRoom.of(guild, ids.newChannelId());
        roomB = VoiceRoom.of(guild, ids.newChannelId());
    }

    private VoiceRegistry registry(VoiceCapacity capacity) {
        return newRegistry(publisher, new VoiceEventPayloads(new TestJson()), capacity);
    }

    private VoiceIdentity user(String name, VoiceRoom room) {
        UserId id = ids.newUserId();
        names.put(id.value(), name);
        return room.identityOf(id);
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private IssueOutcome issue(VoiceRegistry r, VoiceIdentity id, long second, VoiceGrant grant) {
        return r.issue(id, grant, at(second), at(second + 300));
    }

    /** Published events as {@code type user [stream]}, then forgets them. */
    private List<String> drained() {
        List<String> out = publisher.events().stream().map(this::summary).toList();
        publisher.clear();
        return out;
    }

    private String summary(GatewayEvent e) {
        Matcher u = USER.matcher(e.payloadJson());
        Matcher s = STREAM.matcher(e.payloadJson());
        return e.type() + (u.find() ? " " + names.get(u.group(1)) : "") + (s.find() ? " " + s.group(1) : "");
    }

    @Test
    void firstToken_joinsThenPublishesEachStreamInCanonicalOrder_onTheChannelScope() {
        VoiceIdentity alice = user("alice", roomA);

        IssueOutcome outcome = issue(registry, alice, 0, VoiceGrant.of(true, SCREEN_SHARE, MICROPHONE, CAMERA));

        assertThat(outcome).isEqualTo(IssueOutcome.JOINED);
        List<GatewayEvent> events = publisher.events();
        assertThat(events).allSatisfy(e -> assertThat(e.scope())
                .isEqualTo(GatewayEvent.Scope.channel(roomA.guild(), roomA.channel())));
        assertThat(drained()).containsExactly("voice_participant_join alice", "voice_stream_publish alice microphone",
                "voice_stream_publish alice camera", "voice_stream_publish alice screen_share");
        VoiceParticipant p = registry.participants(roomA).getFirst();
        assertThat(p.identity()).isEqualTo(alice);
        assertThat(p.expiresAt()).isEqualTo(at(300));
        assertThat(p.videoEnabled()).isTrue();
        assertThat(p.screenShareEnabled()).isTrue();
    }

    @Test
    void newTokenForTheSameChannel_updatesChangedFlagsThenPublishesAndUnpublishesTheDifference() {
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, alice, 0, VoiceGrant.of(false, MICROPHONE, CAMERA));
        drained();

        IssueOutcome outcome = issue(registry, alice, 100, VoiceGrant.of(false, MICROPHONE, SCREEN_SHARE));

        assertThat(outcome).isEqualTo(IssueOutcome.UPDATED);
        List<GatewayEvent> events = publisher.events();
        assertThat(drained()).containsExactly("voice_participant_update alice",
                "voice_stream_publish alice screen_share", "voice_stream_unpublish alice camera");
        assertThat(events.getFirst().payloadJson())
                .contains("\"updated_fields\":{\"is_video_enabled\":false,\"is_screen_share_enabled\":true}");
        VoiceParticipant p = registry.participants(roomA).getFirst();
        assertThat(p.expiresAt()).isEqualTo(at(400));
        assertThat(p.joinedAt()).isEqualTo(at(0));
    }

    @Test
    void newTokenWithTheSameGrant_publishesNothing_butMovesTheExpiry() {
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, alice, 0, VoiceGrant.of(false, MICROPHONE));
        drained();

        issue(registry, alice, 200, VoiceGrant.of(false, MICROPHONE));

        assertThat(drained()).isEmpty();
        assertThat(registry.participants(roomA).getFirst().expiresAt()).isEqualTo(at(500));
        assertThat(registry.participants(roomA).getFirst().tokenIssuedAt()).isEqualTo(at(200));
    }

    @Test
    void tokenForAnotherChannel_leavesTheOldOneFirst() {
        VoiceIdentity aliceInA = user("alice", roomA);
        issue(registry, aliceInA, 0, VoiceGrant.of(false, MICROPHONE, CAMERA));
        drained();

        issue(registry, roomB.identityOf(aliceInA.user()), 10, VoiceGrant.of(false, MICROPHONE));

        assertThat(drained()).containsExactly("voice_stream_unpublish alice microphone",
                "voice_stream_unpublish alice camera", "voice_participant_leave alice",
                "voice_participant_join alice", "voice_stream_publish alice microphone");
        assertThat(registry.participants(roomA)).isEmpty();
        assertThat(registry.rooms()).containsExactly(roomB);
    }

    @Test
    void tokenForAChannelInAnotherGuild_alsoLeavesTheOldChannel() {
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, alice, 0, VoiceGrant.of(false, MICROPHONE));
        VoiceRoom elsewhere = VoiceRoom.of(ids.newGuildId(), ids.newChannelId());

        issue(registry, elsewhere.identityOf(alice.user()), 10, VoiceGrant.of(true));

        assertThat(registry.rooms()).containsExactly(elsewhere);
    }

    @Test
    void issue_prunesTheChannelsExpiredParticipantsFirst() {
        VoiceIdentity bob = user("bob", roomA);
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, bob, 0, VoiceGrant.of(false, MICROPHONE));
        drained();

        issue(registry, alice, 300, VoiceGrant.of(true));

        assertThat(drained()).containsExactly("voice_stream_unpublish bob microphone", "voice_participant_leave bob",
                "voice_participant_join alice");
        assertThat(registry.participants(roomA)).extracting(VoiceParticipant::identity).containsExactly(alice);
    }

    @Test
    void expiredUserRequestingAgain_leavesAndJoinsAnew() {
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, alice, 0, VoiceGrant.of(false, MICROPHONE));
        drained();

        assertThat(issue(registry, alice, 301, VoiceGrant.of(false, MICROPHONE))).isEqualTo(IssueOutcome.JOINED);

        assertThat(drained()).containsExactly("voice_stream_unpublish alice microphone",
                "voice_participant_leave alice", "voice_participant_join alice",
                "voice_stream_publish alice microphone");
        assertThat(registry.participants(roomA).getFirst().joinedAt()).isEqualTo(at(301));
    }

    @Test
    void leave_unpublishesEachStreamThenLeaves_andIsANoOpWhenNotRegistered() {
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, alice, 0, VoiceGrant.of(false, MICROPHONE, SCREEN_SHARE));
        drained();

        assertThat(registry.leave(alice, at(5))).isTrue();
        assertThat(drained()).containsExactly("voice_stream_unpublish alice microphone",
                "voice_stream_unpublish alice screen_share", "voice_participant_leave alice");
        assertThat(registry.leave(alice, at(6))).isFalse();
        assertThat(registry.leave(roomB.identityOf(alice.user()), at(6))).isFalse();
        assertThat(drained()).isEmpty();
        assertThat(registry.rooms()).isEmpty();
    }

    @Test
    void leaveOfAnotherChannel_doesNotTouchTheUsersSeat() {
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, alice, 0, VoiceGrant.of(false, MICROPHONE));
        drained();

        assertThat(registry.leave(roomB.identityOf(alice.user()), at(1))).isFalse();

        assertThat(drained()).isEmpty();
        assertThat(registry.participants(roomA)).hasSize(1);
    }

    @Test
    void updateState_publishesOnlyChangedFields() {
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, alice, 0, VoiceGrant.of(false, MICROPHONE));
        publisher.clear();

        assertThat(registry.updateState(alice, Optional.of(true), Optional.of(false), at(7))).isTrue();

        List<GatewayEvent> events = publisher.events();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().type()).isEqualTo("voice_participant_update");
        assertThat(events.getFirst().payloadJson())
                .contains("\"updated_fields\":{\"is_muted\":true}").contains("\"updated_at_unix\":" + at(7).getEpochSecond());
        assertThat(registry.participants(roomA).getFirst().muted()).isTrue();
    }

    @Test
    void updateState_withoutChange_orWhenNotRegistered_publishesNothing() {
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, alice, 0, VoiceGrant.of(false, MICROPHONE));
        drained();

        assertThat(registry.updateState(alice, Optional.of(false), Optional.empty(), at(1))).isFalse();
        assertThat(registry.updateState(user("bob", roomA), Optional.of(true), Optional.empty(), at(1))).isFalse();
        assertThat(registry.updateState(roomB.identityOf(alice.user()), Optional.of(true), Optional.empty(), at(1)))
                .isFalse();

        assertThat(drained()).isEmpty();
    }

    @Test
    void removeUserFromGuild_removesOnlyAChannelOfThatGuild() {
        VoiceIdentity alice = user("alice", roomA);
        VoiceRoom otherGuildRoom = VoiceRoom.of(ids.newGuildId(), ids.newChannelId());
        VoiceIdentity bob = user("bob", otherGuildRoom);
        issue(registry, alice, 0, VoiceGrant.of(false, MICROPHONE));
        issue(registry, bob, 0, VoiceGrant.of(false, MICROPHONE));
        drained();

        assertThat(registry.removeUserFromGuild(bob.user(), guild, at(1))).isZero();
        assertThat(registry.removeUserFromGuild(alice.user(), guild, at(1))).isEqualTo(1);

        assertThat(drained()).containsExactly("voice_stream_unpublish alice microphone",
                "voice_participant_leave alice");
        assertThat(registry.rooms()).containsExactly(otherGuildRoom);
    }

    @Test
    void removeUserEverywhere_removesTheUsersSeat() {
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, alice, 0, VoiceGrant.of(true));
        drained();

        assertThat(registry.removeUserEverywhere(alice.user(), at(1))).isEqualTo(1);
        assertThat(registry.removeUserEverywhere(alice.user(), at(2))).isZero();

        assertThat(drained()).containsExactly("voice_participant_leave alice");
    }

    @Test
    void pruneExpired_removesOnlyExpiredParticipantsOfThatRoom() {
        VoiceIdentity old = user("old", roomA);
        VoiceIdentity fresh = user("fresh", roomA);
        VoiceIdentity elsewhere = user("elsewhere", roomB);
        issue(registry, old, 0, VoiceGrant.of(false, CAMERA));
        issue(registry, fresh, 100, VoiceGrant.of(false, MICROPHONE));
        issue(registry, elsewhere, 0, VoiceGrant.of(false, MICROPHONE));
        drained();

        assertThat(registry.pruneExpired(roomA, at(300))).isEqualTo(1);

        assertThat(drained()).containsExactly("voice_stream_unpublish old camera", "voice_participant_leave old");
        assertThat(registry.participants(roomA)).extracting(VoiceParticipant::identity).containsExactly(fresh);
        assertThat(registry.participants(roomB)).hasSize(1);
    }

    @Test
    void participants_areASnapshotInJoinOrder() {
        VoiceIdentity first = user("first", roomA);
        VoiceIdentity second = user("second", roomA);
        issue(registry, first, 0, VoiceGrant.of(true));
        issue(registry, second, 1, VoiceGrant.of(true));

        List<VoiceParticipant> snapshot = registry.participants(roomA);
        registry.leave(first, at(2));

        assertThat(snapshot).extracting(VoiceParticipant::identity).containsExactly(first, second);
        assertThat(registry.participants(roomA)).extracting(VoiceParticipant::identity).containsExactly(second);
        assertThat(registry.participants(roomB)).isEmpty();
    }

    @Test
    void reevaluate_removesParticipantsThePredicateRejects_inThatGuildOnly() {
        VoiceIdentity keep = user("keep", roomA);
        VoiceIdentity lose = user("lose", roomB);
        VoiceIdentity foreign = user("foreign", VoiceRoom.of(ids.newGuildId(), ids.newChannelId()));
        issue(registry, keep, 0, VoiceGrant.of(true));
        issue(registry, lose, 0, VoiceGrant.of(false, MICROPHONE));
        issue(registry, foreign, 0, VoiceGrant.of(true));
        drained();

        int removed = registry.reevaluate(guild, (u, c) -> !u.equals(lose.user()) && !u.equals(foreign.user()),
                at(1));

        assertThat(removed).isEqualTo(1);
        assertThat(drained()).containsExactly("voice_stream_unpublish lose microphone",
                "voice_participant_leave lose");
        assertThat(registry.rooms()).hasSize(2).doesNotContain(roomB);
    }

    @Test
    void reevaluate_thePredicateSeesUserAndChannel() {
        VoiceIdentity alice = user("alice", roomB);
        issue(registry, alice, 0, VoiceGrant.of(true));

        registry.reevaluate(guild, (u, c) -> !c.equals(roomB.channel()), at(1));

        assertThat(registry.rooms()).isEmpty();
    }

    @Test
    void removeStale_removesOnlyWhenTheLastTokenIsOlderThanTheCutoff() {
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, alice, 0, VoiceGrant.of(true));
        issue(registry, alice, 40, VoiceGrant.of(true));
        drained();

        assertThat(registry.removeStale(alice, at(40), at(70))).isFalse();
        assertThat(drained()).isEmpty();
        assertThat(registry.removeStale(alice, at(41), at(71))).isTrue();
        assertThat(drained()).containsExactly("voice_participant_leave alice");
        assertThat(registry.removeStale(alice, at(41), at(71))).isFalse();
    }

    @Test
    void fullChannel_rejectsANewcomerBeforeMinting_andIssueChangesNothing() {
        VoiceRegistry small = registry(new VoiceCapacity(8, 2));
        VoiceIdentity a = user("a", roomA);
        VoiceIdentity b = user("b", roomA);
        VoiceIdentity c = user("c", roomA);
        issue(small, a, 0, VoiceGrant.of(true));
        issue(small, b, 0, VoiceGrant.of(true));
        drained();

        assertThatThrownBy(() -> small.checkCapacity(c, at(1))).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("quota_exceeded");
        assertThat(issue(small, c, 1, VoiceGrant.of(true))).isEqualTo(IssueOutcome.OVER_CAPACITY);

        assertThat(drained()).isEmpty();
        assertThat(small.participants(roomA)).extracting(VoiceParticipant::identity).containsExactly(a, b);
    }

    @Test
    void fullChannel_stillAcceptsANewTokenOfAMember() {
        VoiceRegistry small = registry(new VoiceCapacity(8, 2));
        VoiceIdentity a = user("a", roomA);
        issue(small, a, 0, VoiceGrant.of(true));
        issue(small, user("b", roomA), 0, VoiceGrant.of(true));

        small.checkCapacity(a, at(1));
        assertThat(issue(small, a, 1, VoiceGrant.of(true, MICROPHONE))).isEqualTo(IssueOutcome.UPDATED);
    }

    @Test
    void fullChannelOfExpiredParticipants_acceptsANewcomer() {
        VoiceRegistry small = registry(new VoiceCapacity(8, 2));
        issue(small, user("a", roomA), 0, VoiceGrant.of(true));
        issue(small, user("b", roomA), 0, VoiceGrant.of(true));
        VoiceIdentity c = user("c", roomA);

        small.checkCapacity(c, at(300));
        assertThat(issue(small, c, 300, VoiceGrant.of(true))).isEqualTo(IssueOutcome.JOINED);

        assertThat(small.participants(roomA)).extracting(VoiceParticipant::identity).containsExactly(c);
    }

    @Test
    void channelCap_rejectsANewChannel_butNotAMoveThatFreesOne() {
        VoiceRegistry small = registry(new VoiceCapacity(2, 8));
        VoiceRoom roomC = VoiceRoom.of(guild, ids.newChannelId());
        VoiceIdentity a = user("a", roomA);
        issue(small, a, 0, VoiceGrant.of(true));
        issue(small, user("b", roomB), 0, VoiceGrant.of(true));
        VoiceIdentity newcomer = user("newcomer", roomC);
        drained();

        assertThatThrownBy(() -> small.checkCapacity(newcomer, at(1))).isInstanceOf(ConflictException.class);
        assertThat(issue(small, newcomer, 1, VoiceGrant.of(true))).isEqualTo(IssueOutcome.OVER_CAPACITY);
        assertThat(drained()).isEmpty();

        VoiceIdentity aMoving = roomC.identityOf(a.user());
        small.checkCapacity(aMoving, at(1));
        assertThat(issue(small, aMoving, 1, VoiceGrant.of(true))).isEqualTo(IssueOutcome.JOINED);
        assertThat(small.rooms()).containsExactlyInAnyOrder(roomB, roomC);
        small.checkCapacity(user("joiner", roomB), at(1));
    }

    @Test
    void channelCap_countsOnlyChannelsWithLiveParticipants() {
        VoiceRegistry small = registry(new VoiceCapacity(2, 8));
        VoiceRoom roomC = VoiceRoom.of(guild, ids.newChannelId());
        issue(small, user("a", roomA), 0, VoiceGrant.of(false, MICROPHONE));
        issue(small, user("b", roomB), 100, VoiceGrant.of(true));
        VoiceIdentity newcomer = user("newcomer", roomC);
        drained();

        small.checkCapacity(newcomer, at(300));
        assertThat(issue(small, newcomer, 300, VoiceGrant.of(true))).isEqualTo(IssueOutcome.JOINED);

        assertThat(drained()).containsExactly("voice_stream_unpublish a microphone", "voice_participant_leave a",
                "voice_participant_join newcomer");
        assertThat(small.rooms()).containsExactlyInAnyOrder(roomB, roomC);
    }

    @Test
    void checkCapacity_changesNothing() {
        VoiceIdentity alice = user("alice", roomA);
        issue(registry, alice, 0, VoiceGrant.of(true));
        drained();

        registry.checkCapacity(roomB.identityOf(alice.user()), at(400));

        assertThat(drained()).isEmpty();
        assertThat(registry.participants(roomA)).hasSize(1);
    }
}
