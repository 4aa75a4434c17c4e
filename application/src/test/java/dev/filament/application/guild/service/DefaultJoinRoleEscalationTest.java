package dev.filament.application.guild.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.SetDefaultJoinRoleUseCase.SetDefaultJoinRoleCommand;
import dev.filament.application.guild.port.in.SetDefaultJoinRoleUseCase;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 item 4 (SPEC 5.9): the default join role passes the same no-escalation check as assigning it, and only
 * custom roles can be it. Every new member receives the role, so a role manager must not pick one carrying
 * permissions it lacks.
 */
class DefaultJoinRoleEscalationTest {
    private final GuildFixture f = new GuildFixture();
    private final SetDefaultJoinRoleUseCase setDefault = f.graph.setDefaultJoinRole();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    /** The reviewer's account: only manage_workspace_roles and manage_member_roles, at position 50. */
    private final UserId roleManager = f.memberWith(guild.id(), 50, Permission.MANAGE_WORKSPACE_ROLES,
            Permission.MANAGE_MEMBER_ROLES);

    private void setDefault(UserId actor, Role role) {
        setDefault.set(new SetDefaultJoinRoleCommand(actor, guild.id(), Optional.of(role.id())));
    }

    private Optional<RoleId> currentDefault() {
        return f.store.tx(() -> f.store.guilds().find(guild.id())).orElseThrow().defaultJoinRole();
    }

    @Test
    void aRoleManagerCannotMakeARoleCarryingPermissionsItLacksTheDefault_soANewMemberDoesNotReceiveThem() {
        Role kickAndAudit = f.customRole(guild.id(), 10, Permission.BAN_MEMBER, Permission.VIEW_AUDIT_LOG);
        String before = f.db.fingerprint();

        assertThatThrownBy(() -> setDefault(roleManager, kickAndAudit)).isInstanceOf(ForbiddenException.class)
                .hasFieldOrPropertyWithValue("code", "forbidden");

        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(currentDefault()).isEmpty();
        assertThat(f.handOffs.log()).isEmpty();
        UserId second = f.newUser();
        f.graph.addMember().add(new MemberCommand(roleManager, guild.id(), second));
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), second))).isEmpty();
    }

    @Test
    void aRoleWithOnlyBitsTheManagerHolds_canBeTheDefault_andTheOwnerMaySetAnyCustomRole() {
        Role within = f.customRole(guild.id(), 10, Permission.MANAGE_MEMBER_ROLES);
        Role beyond = f.customRole(guild.id(), 11, Permission.BAN_MEMBER);

        setDefault(roleManager, within);
        assertThat(currentDefault()).contains(within.id());
        setDefault(owner, beyond);
        assertThat(currentDefault()).contains(beyond.id());
    }

    @Test
    void noSeededRoleCanBeTheDefault_notEvenForTheOwner_andNothingIsWritten() {
        String before = f.db.fingerprint();
        for (SystemRoleKey key : SystemRoleKey.values()) {
            Role seeded = f.seeded(guild.id(), key);
            assertThatThrownBy(() -> setDefault(owner, seeded)).as(key.name())
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(currentDefault()).isEmpty();
    }
}
