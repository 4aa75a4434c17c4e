package dev.filament.http.json;

import static dev.filament.http.json.WireSampleValues.ACTOR;
import static dev.filament.http.json.WireSampleValues.C;
import static dev.filament.http.json.WireSampleValues.G;
import static dev.filament.http.json.WireSampleValues.M;
import static dev.filament.http.json.WireSampleValues.R;
import static dev.filament.http.json.WireSampleValues.R2;
import static dev.filament.http.json.WireSampleValues.ROOM;
import static dev.filament.http.json.WireSampleValues.T1;
import static dev.filament.http.json.WireSampleValues.U;
import static dev.filament.http.json.WireSampleValues.U2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.wire.ChannelEvent;
import dev.filament.application.wire.ConnectionEvent;
import dev.filament.application.wire.GuildEvent;
import dev.filament.application.wire.ServerEvent;
import dev.filament.domain.voice.FlagChanges;
import dev.filament.domain.voice.StreamSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every server event of SPEC 9.5 has exactly one record, and each record, serialized by the one serializer, is
 * byte-equal to the sample recorded from what the server sent before the wire was typed
 * ({@code src/test/resources/wire-samples/<t>.json}).
 */
class WireSamplesTest {
    /** The Phase 1 names of SPEC 9.5, i.e. every event the server sends today. */
    static final Set<String> SENT_TODAY = Set.of("ready", "resumed", "invalid_session", "subscribed", "unsubscribed", "error", "presence_sync",
            "voice_participant_sync", "message_create", "message_update", "message_delete", "voice_participant_join",
            "voice_participant_leave", "voice_participant_update", "voice_stream_publish", "voice_stream_unpublish",
            "channel_create", "presence_update", "workspace_update", "workspace_member_add",
            "workspace_member_update", "workspace_member_remove", "workspace_member_ban", "workspace_role_create",
            "workspace_role_update", "workspace_role_delete", "workspace_role_reorder",
            "workspace_role_assignment_add", "workspace_role_assignment_remove",
            "workspace_channel_permission_override_update", "workspace_ip_ban_sync",
            "workspace_channel_role_override_update");

    private final JacksonPayloadSerializer serializer = new JacksonPayloadSerializer(new Json());
    private final Json json = new Json();

    @Test
    void everyEventNameHasExactlyOneRecord() {
        List<String> types = eventRecords().stream().map(WireSamplesTest::typeOf).toList();
        assertThat(types).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(types)).isEqualTo(new TreeSet<>(SENT_TODAY));
    }

    @Test
    void everyEventRecordHasASample() {
        Set<String> sampled = samples().stream().map(ServerEvent::type).collect(Collectors.toSet());
        assertThat(sampled).isEqualTo(SENT_TODAY);
        assertThat(samples()).hasSize(SENT_TODAY.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recordJsonEqualsTheRecordedSample(ServerEvent event) throws IOException {
        String expected = sample(event.type());
        String actual = serializer.toJson(event);
        assertThat(json.parse(actual)).isEqualTo(json.parse(expected));
        assertThat(actual).isEqualTo(expected);
    }

    static List<ServerEvent> samples() {
        String g = G.value();
        String c = C.value();
        String u = U.value();
        Optional<String> actor = Optional.of(ACTOR.value());
        var p = WireSampleValues.participant();
        return List.of(
                ConnectionEvent.Ready.of(U, WireSampleValues.RESUME_KEY),
                new ConnectionEvent.Resumed(WireSampleValues.RESUME_KEY, 3),
                new ConnectionEvent.InvalidSession("gap"),
                ConnectionEvent.Subscribed.of(G, C),
                ConnectionEvent.Unsubscribed.of(G, C, "kick"),
                new ConnectionEvent.Error("forbidden", "subscribe", Optional.of(g), Optional.of(c)),
                ConnectionEvent.PresenceSync.of(G, List.of(U, U2)),
                ConnectionEvent.VoiceParticipantSync.of(ROOM, List.of(p), T1),
                ChannelEvent.MessageCreate.of(WireSampleValues.message(), WireSampleValues.tokens()),
                ChannelEvent.MessageUpdate.of(WireSampleValues.message(), WireSampleValues.tokens()),
                ChannelEvent.MessageDelete.of(WireSampleValues.message(), T1),
                ChannelEvent.VoiceParticipantJoin.of(ROOM, p),
                ChannelEvent.VoiceParticipantLeave.of(ROOM, p, T1),
                ChannelEvent.VoiceParticipantUpdate.of(ROOM, p, new FlagChanges(Optional.of(true), Optional.empty(),
                        Optional.of(false), Optional.empty(), Optional.empty()), T1),
                ChannelEvent.VoiceStreamPublish.of(ROOM, p, StreamSource.values()[0], p.updatedAt()),
                ChannelEvent.VoiceStreamUnpublish.of(ROOM, p, StreamSource.values()[0], T1),
                GuildEvent.ChannelCreate.of(G, WireSampleValues.channel()),
                GuildEvent.PresenceUpdate.of(G, U, "online"),
                new GuildEvent.WorkspaceUpdate(g, new GuildEvent.GuildFields(Optional.of("Renamed"), Optional.empty()),
                        T1.getEpochSecond(), actor),
                GuildEvent.MemberAdd.of(G, U, "member", T1, Optional.empty()),
                new GuildEvent.MemberUpdate(g, u, new GuildEvent.MemberFields("moderator"), T1.getEpochSecond(),
                        actor),
                GuildEvent.MemberRemove.of(G, U, "ban", T1, ACTOR),
                GuildEvent.MemberBan.of(G, U, T1, ACTOR),
                GuildEvent.RoleCreate.of(G, WireSampleValues.role(), ACTOR),
                new GuildEvent.RoleUpdate(g, R.value(), new GuildEvent.RoleFields(Optional.empty(),
                        Optional.of(List.of("manage_roles", "create_message")), Optional.of(Optional.empty())),
                        T1.getEpochSecond(), actor),
                GuildEvent.RoleDelete.of(G, R, T1, ACTOR),
                new GuildEvent.RoleReorder(g, List.of(R2.value(), R.value()), T1.getEpochSecond(), actor),
                GuildEvent.RoleAssignmentAdd.of(G, U, R, T1, ACTOR),
                GuildEvent.RoleAssignmentRemove.of(G, U, R, T1, ACTOR),
                new GuildEvent.ChannelPermissionOverrideUpdate(g, c, "role", R.value(),
                        new GuildEvent.OverrideFields(List.of("manage_roles", "create_message"), List.of()),
                        T1.getEpochSecond(), actor),
                new GuildEvent.IpBanSync(g, new GuildEvent.IpBanSummary("upsert", 2), T1.getEpochSecond(), actor),
                new GuildEvent.ChannelRoleOverrideUpdate(g, c, "moderator",
                        new GuildEvent.OverrideFields(List.of("create_message"), List.of("delete_message")),
                        T1.getEpochSecond(), actor));
    }

    private static String sample(String type) throws IOException {
        try (InputStream in = WireSamplesTest.class.getResourceAsStream("/wire-samples/" + type + ".json")) {
            assertThat(in).as("sample for %s", type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** The concrete records under the sealed {@link ServerEvent}, found through the permitted subclasses. */
    private static List<Class<?>> eventRecords() {
        List<Class<?>> out = new ArrayList<>();
        collect(ServerEvent.class, out);
        return out;
    }

    private static void collect(Class<?> type, List<Class<?>> out) {
        if (type.isRecord()) {
            out.add(type);
            return;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) {
            collect(sub, out);
        }
    }

    private static String typeOf(Class<?> record) {
        try {
            return (String) record.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(record + " has no public static TYPE", e);
        }
    }
}
