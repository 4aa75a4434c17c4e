package dev.filament.postgres.guild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit {@code details} codec: every details record is stored byte for byte as the map-based writer stored the
 * same values (the expected strings are what {@code Audits.write(..., key, value, ...)} produced through a
 * {@code LinkedHashMap} and Jackson before the details were typed), and reads back into the same record.
 */
class AuditDetailsJsonTest {
    private static final String R = "01J00000000000000000000ROL";
    private static final String C = "01J00000000000000000000CHN";

    static Stream<Arguments> shapes() {
        return Stream.of(
                of(AuditAction.MEMBER_KICK, new AuditDetails.None(), "{}"),
                of(AuditAction.DIRECTORY_JOIN_ACCEPTED, new AuditDetails.JoinAttempt("accepted", "forwarded"),
                        "{\"outcome\":\"accepted\",\"client_ip_source\":\"forwarded\"}"),
                of(AuditAction.MODERATION_IP_BAN_HIT, new AuditDetails.IpBanHit("guild.channels.list", "socket"),
                        "{\"surface\":\"guild.channels.list\",\"client_ip_source\":\"socket\"}"),
                of(AuditAction.MODERATION_IP_BAN_ADD, new AuditDetails.IpBansAdded(2, List.of("B1", "B2"),
                        1_767_225_600L),
                        "{\"created_count\":2,\"ban_ids\":[\"B1\",\"B2\"],\"expires_at_unix\":1767225600}"),
                of(AuditAction.MODERATION_IP_BAN_ADD, new AuditDetails.IpBansAdded(0, List.of(), null),
                        "{\"created_count\":0,\"ban_ids\":[],\"expires_at_unix\":null}"),
                of(AuditAction.MODERATION_IP_BAN_REMOVE, new AuditDetails.IpBanRemoved("B1"), "{\"ban_id\":\"B1\"}"),
                of(AuditAction.MEMBER_BAN, new AuditDetails.MemberBanned(true), "{\"was_member\":true}"),
                of(AuditAction.MEMBER_BAN, new AuditDetails.MemberBanned(false), "{\"was_member\":false}"),
                of(AuditAction.MEMBER_ROLE_UPDATE, new AuditDetails.MemberRoleChanged("member", "moderator"),
                        "{\"from\":\"member\",\"to\":\"moderator\"}"),
                of(AuditAction.ROLE_CREATE, new AuditDetails.RoleCreated(R, "quote \" backslash \\ newline \n tab \t"
                        + " bell \u0007 é ✓", 49, List.of("view_channel", "create_message"), "#A1B2C3"),
                        "{\"role_id\":\"" + R + "\",\"name\":\"quote \\\" backslash \\\\ newline \\n tab \\t"
                                + " bell \\u0007 é ✓\",\"position\":49,"
                                + "\"permissions\":[\"view_channel\",\"create_message\"],\"color_hex\":\"#A1B2C3\"}"),
                of(AuditAction.ROLE_CREATE, new AuditDetails.RoleCreated(R, "r", 0, List.of(), null),
                        "{\"role_id\":\"" + R + "\",\"name\":\"r\",\"position\":0,\"permissions\":[],"
                                + "\"color_hex\":null}"),
                of(AuditAction.ROLE_UPDATE, new AuditDetails.RoleRenamed(R, "mods"),
                        "{\"role_id\":\"" + R + "\",\"name\":\"mods\"}"),
                of(AuditAction.ROLE_PERMISSIONS_UPDATE, new AuditDetails.RolePermissionsChanged(R,
                        List.of("kick_members")),
                        "{\"role_id\":\"" + R + "\",\"permissions\":[\"kick_members\"]}"),
                of(AuditAction.ROLE_COLOR_UPDATE, new AuditDetails.RoleColorChanged(R, "#000000"),
                        "{\"role_id\":\"" + R + "\",\"color_hex\":\"#000000\"}"),
                of(AuditAction.ROLE_COLOR_UPDATE, new AuditDetails.RoleColorChanged(R, null),
                        "{\"role_id\":\"" + R + "\",\"color_hex\":null}"),
                of(AuditAction.ROLE_ASSIGN, new AuditDetails.RoleRef(R), "{\"role_id\":\"" + R + "\"}"),
                of(AuditAction.ROLE_REORDER, new AuditDetails.RolesReordered(List.of("R2", "R1")),
                        "{\"role_ids\":[\"R2\",\"R1\"]}"),
                of(AuditAction.ROLE_DEFAULT_JOIN_UPDATE, new AuditDetails.DefaultJoinRoleChanged(R),
                        "{\"role_id\":\"" + R + "\"}"),
                of(AuditAction.ROLE_DEFAULT_JOIN_UPDATE, new AuditDetails.DefaultJoinRoleChanged(null),
                        "{\"role_id\":null}"),
                of(AuditAction.CHANNEL_PERMISSION_OVERRIDE_UPDATE, new AuditDetails.ChannelOverrideUpdated(C,
                        "member", "U1", List.of("view_channel"), List.of("create_message", "attach_files")),
                        "{\"channel_id\":\"" + C + "\",\"target_kind\":\"member\",\"target_id\":\"U1\","
                                + "\"allow\":[\"view_channel\"],\"deny\":[\"create_message\",\"attach_files\"]}"),
                of(AuditAction.MESSAGE_DELETE_MODERATION, new AuditDetails.MessageModerated(C, "M1"),
                        "{\"channel_id\":\"" + C + "\",\"message_id\":\"M1\"}"),
                of(AuditAction.ATTACHMENT_DELETE_MODERATION, new AuditDetails.AttachmentModerated(C, "A1", null),
                        "{\"channel_id\":\"" + C + "\",\"attachment_id\":\"A1\",\"message_id\":null}"),
                of(AuditAction.MEDIA_TOKEN_ISSUE, new AuditDetails.MediaTokenIssued(C, "2001:db8::1", "forwarded",
                        true, false, List.of("camera", "microphone")),
                        "{\"channel_id\":\"" + C + "\",\"client_ip\":\"2001:db8::1\",\"client_ip_source\":"
                                + "\"forwarded\",\"can_publish\":true,\"can_subscribe\":false,"
                                + "\"publish_sources\":[\"camera\",\"microphone\"]}"));
    }

    private static Arguments of(AuditAction action, AuditDetails details, String json) {
        return Arguments.of(action, details, json);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("shapes")
    void theStoredJsonIsTheMapBasedJsonAndReadsBackAsTheRecord(AuditAction action, AuditDetails details,
                                                                 String json) {
        assertThat(AuditDetailsJson.write(details)).isEqualTo(json);
        assertThat(AuditDetailsJson.read(action, json)).isEqualTo(details);
    }

    @Test
    void everyDetailsRecordIsCoveredHereAndUsedBySomeAction() {
        List<Class<?>> records = Arrays.stream(AuditDetails.class.getPermittedSubclasses())
                .filter(c -> c != AuditDetails.Unreadable.class).toList(); // read-only: never written
        List<Class<?>> tested = shapes().<Class<?>>map(a -> a.get()[1].getClass()).distinct().toList();
        assertThat(tested).containsExactlyInAnyOrderElementsOf(records);
        List<Class<?>> used = Arrays.stream(AuditAction.values()).<Class<?>>map(AuditAction::detailsType)
                .distinct().toList();
        assertThat(used).containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void aStoredRowThatDoesNotFitItsActionReadsVerbatimInsteadOfFailingThePage() {
        for (String[] row : new String[][] {
            {"{\"role_id\":\"R\",\"x\":1}", "role.assign"}, {"{}", "member.ban"}, {"{\"role_id\":null}", "role.assign"},
            {"{\"role_id\":\"a\",\"role_id\":\"b\"}", "role.assign"}, {"[]", "member.kick"}, {"null", "member.kick"}}) {
            AuditAction action = Arrays.stream(AuditAction.values()).filter(a -> a.wire().equals(row[1])).findFirst()
                    .orElseThrow();
            assertThat(AuditDetailsJson.read(action, row[0])).as(row[0])
                    .isEqualTo(new AuditDetails.Unreadable(row[0]));
            assertThat(AuditDetailsJson.write(new AuditDetails.Unreadable(row[0]))).isEqualTo(row[0]);
        }
    }
}
