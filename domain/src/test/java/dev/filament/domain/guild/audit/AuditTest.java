package dev.filament.domain.guild.audit;

import static dev.filament.domain.guild.GuildFixtures.ALICE;
import static dev.filament.domain.guild.GuildFixtures.BOB;
import static dev.filament.domain.guild.GuildFixtures.GUILD;
import static dev.filament.domain.guild.GuildFixtures.ulid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.guild.role.RolePatch;
import dev.filament.domain.id.AuditId;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The action names of SPEC 7.1, {@code ip_ban_match} of SPEC 7.2 and the audit row value. */
class AuditTest {

    @Test
    void actionsAreExactlyTheSpecTable() {
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::wire)).containsExactlyInAnyOrder(
                "directory.join.accepted", "directory.join.rejected.visibility", "directory.join.rejected.user_ban",
                "directory.join.rejected.ip_ban", "moderation.ip_ban.hit", "moderation.ip_ban.add",
                "moderation.ip_ban.remove", "member.kick", "member.ban", "member.unban", "member.role.update",
                "role.create", "role.update", "role.permissions.update", "role.color.update", "role.delete",
                "role.reorder", "role.assign", "role.unassign", "role.default_join.update",
                "channel.permission_override.update", "message.edit.moderation", "message.delete.moderation",
                "attachment.delete.moderation", "media.token.issue");
    }

    @ParameterizedTest
    @EnumSource(AuditAction.class)
    void ipBanMatchIsTrueOnlyForTheTwoIpBanHitActions(AuditAction action) {
        boolean expected = action.wire().equals("directory.join.rejected.ip_ban")
                || action.wire().equals("moderation.ip_ban.hit");

        assertThat(action.ipBanMatch()).isEqualTo(expected);
        assertThat(AuditAction.fromWire(action.wire())).contains(action);
    }

    @ParameterizedTest
    @CsvSource({"NAME, role.update", "PERMISSIONS, role.permissions.update", "COLOR, role.color.update"})
    void eachChangedRoleAspectHasItsAction(RolePatch.Aspect aspect, String wire) {
        assertThat(AuditAction.forRoleChange(aspect).wire()).isEqualTo(wire);
    }

    @Test
    void entryKeepsNullDetailValues_andUsesWholeSeconds() {
        AuditDetails details = new AuditDetails.RoleColorChanged(ulid(14), null);
        AuditEntry entry = new AuditEntry(AuditId.of(ulid(700)), GUILD, ALICE, Optional.of(BOB),
                AuditAction.ROLE_COLOR_UPDATE, details, Instant.parse("2026-01-01T00:00:05.900Z"));

        assertThat(entry.details()).isEqualTo(new AuditDetails.RoleColorChanged(ulid(14), null));
        assertThat(entry.createdAtUnix()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z").getEpochSecond());
        assertThat(entry.ipBanMatch()).isFalse();
    }

    @Test
    void entryRefusesDetailsOfAnotherActionsShape() {
        assertThatThrownBy(() -> new AuditEntry(AuditId.of(ulid(700)), GUILD, ALICE, Optional.of(BOB),
                AuditAction.ROLE_COLOR_UPDATE, new AuditDetails.None(), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RoleColorChanged");
    }

    @Test
    void detailsListsAreCopied() {
        List<String> ids = new ArrayList<>(List.of("R1"));
        AuditDetails.RolesReordered details = new AuditDetails.RolesReordered(ids);
        ids.add("R2");

        assertThat(details.roleIds()).containsExactly("R1");
        assertThatThrownBy(() -> details.roleIds().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @EnumSource(AuditAction.class)
    void everyActionHasOneDetailsShape(AuditAction action) {
        assertThat(action.detailsType()).isNotNull().isNotEqualTo(AuditDetails.class);
    }
}
