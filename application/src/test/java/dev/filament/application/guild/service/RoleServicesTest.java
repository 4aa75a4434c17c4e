package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.CreateRoleUseCase.CreateRoleCommand;
import dev.filament.application.guild.port.in.CreateRoleUseCase;
import dev.filament.application.guild.port.in.DeleteRoleUseCase;
import dev.filament.application.guild.port.in.ListRolesUseCase;
import dev.filament.application.guild.port.in.ReorderRolesUseCase.ReorderRolesCommand;
import dev.filament.application.guild.port.in.ReorderRolesUseCase;
import dev.filament.application.guild.port.in.RoleCommand;
import dev.filament.application.guild.port.in.SetDefaultJoinRoleUseCase.SetDefaultJoinRoleCommand;
import dev.filament.application.guild.port.in.SetDefaultJoinRoleUseCase;
import dev.filament.application.guild.port.in.UpdateRoleUseCase.Absent;
import dev.filament.application.guild.port.in.UpdateRoleUseCase.Cleared;
import dev.filament.application.guild.port.in.UpdateRoleUseCase.Given;
import dev.filament.application.guild.port.in.UpdateRoleUseCase.UpdateRoleCommand;
import dev.filament.application.guild.port.in.UpdateRoleUseCase;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleServicesTest {
    private final GuildFixture f = new GuildFixture();
    private final ListRolesUseCase list = f.graph.listRoles();
    private final CreateRoleUseCase create = f.graph.createRole();
    private final UpdateRoleUseCase update = f.graph.updateRole();
    private final DeleteRoleUseCase delete = f.graph.deleteRole();
    private final ReorderRolesUseCase reorder = f.graph.reorderRoles();
    private final SetDefaultJoinRoleUseCase setDefault = f.graph.setDefaultJoinRole();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    /** A non-owner role manager at position 50. */
    private final UserId manager = f.memberWith(guild.id(), 50, Permission.MANAGE_WORKSPACE_ROLES,
            Permission.MANAGE_MEMBER_ROLES, Permission.CREATE_MESSAGE);

    private Role create(UserId user, String name, OptionalInt position, Permission... permissions) {
        return create.create(new CreateRoleCommand(user, guild.id(), name, PermissionSet.of(permissions), position,
                Optional.empty()));
    }

    private List<AuditEntry> audits(AuditAction action) {
        return f.db.auditRows().stream().filter(e -> e.action() == action).toList();
    }

    @Test
    void listIsOrderedByPositionAndShowsTheDefaultJoinRole() {
        Role low = f.customRole(guild.id(), 5);
        var result = list.list(f.newMember(guild.id()), guild.id());
        assertThat(result.roles()).extracting(Role::position).containsExactly(10000, 100, 50, 5, 1, 0);
        assertThat(result.defaultJoinRoleId()).isEmpty();
        setDefault.set(new SetDefaultJoinRoleCommand(owner, guild.id(), Optional.of(low.id())));
        assertThat(list.list(owner, guild.id()).defaultJoinRoleId()).contains(low.id());
        assertThatThrownBy(() -> list.list(f.newUser(), guild.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void createUsesTheDefaultPositionBelowTheCallerAndAuditsAndPublishes() {
        Role r = create.create(new CreateRoleCommand(manager, guild.id(), "  Helpers ",
                PermissionSet.of(Permission.CREATE_MESSAGE), OptionalInt.empty(), Optional.of("#a1b2c3")));
        assertThat(r.position()).isEqualTo(49);
        assertThat(r.name()).isEqualTo("Helpers");
        assertThat(r.colorHex()).contains(ColorHex.of("#A1B2C3"));
        assertThat(r.isSystem()).isFalse();
        assertThat(audits(AuditAction.ROLE_CREATE)).singleElement().satisfies(e -> {
            assertThat(e.target()).isEmpty();
            assertThat(e.details()).isEqualTo(new AuditDetails.RoleCreated(r.id().value(), "Helpers", 49,
                    List.of("create_message"), "#A1B2C3"));
        });
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_role_create");
        assertThat(f.handOffs.events().getFirst().payloadJson()).contains("\"role\":{\"role_id\":\"" + r.id()
                + "\",\"name\":\"Helpers\",\"position\":49,\"is_system\":false,"
                + "\"permissions\":[\"create_message\"],\"color_hex\":\"#A1B2C3\"}");
        assertThat(create(owner, "top", OptionalInt.empty()).position()).isEqualTo(9999);
    }

    @Test
    void createRejectsEscalationPositionAndBadInput_writingNothing() {
        UserId moderator = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> create(manager, "x", OptionalInt.of(50))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> create(manager, "x", OptionalInt.empty(), Permission.BAN_MEMBER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> create(manager, "@EVERYONE", OptionalInt.empty()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> create(owner, "x", OptionalInt.of(10000))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> create(moderator, "x", OptionalInt.empty()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.db.auditRows()).isEmpty();
        assertThat(f.handOffs.log()).isEmpty();
        assertThat(f.db.fingerprint()).isEqualTo(before);
    }

    @Test
    void givenSixtyFourRoles_create_is409AndWritesNothing() {
        for (int i = 0; i < 59; i++) {
            f.customRole(guild.id(), 2 + i);
        }
        assertThat(f.store.tx(() -> f.store.roles().listOf(guild.id()))).hasSize(64);
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> create(owner, "65th", OptionalInt.empty())).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "quota_exceeded");
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void updateAuditsOneRowPerChangedAspectAndRevalidatesOnPermissionChange() {
        Role r = create.create(new CreateRoleCommand(owner, guild.id(), "old", PermissionSet.NONE,
                OptionalInt.of(10), Optional.of("#000000")));
        f.handOffs.clear();
        Role after = update.update(new UpdateRoleCommand(new RoleCommand(owner, guild.id(), r.id()),
                Optional.of("new"), Optional.of(PermissionSet.of(Permission.PUBLISH_VIDEO)), new Cleared()));
        assertThat(after.name()).isEqualTo("new");
        assertThat(after.colorHex()).isEmpty();
        assertThat(f.db.auditRows()).extracting(AuditEntry::action).endsWith(AuditAction.ROLE_UPDATE,
                AuditAction.ROLE_PERMISSIONS_UPDATE, AuditAction.ROLE_COLOR_UPDATE);
        assertThat(f.db.auditRows()).extracting(AuditEntry::details).endsWith(
                new AuditDetails.RoleRenamed(r.id().value(), "new"),
                new AuditDetails.RolePermissionsChanged(r.id().value(), List.of("publish_video")),
                new AuditDetails.RoleColorChanged(r.id().value(), null));
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_role_update", "revalidate:" + guild.id(),
                "voice.reevaluate:" + guild.id());
        assertThat(f.handOffs.events().getFirst().payloadJson()).contains("\"updated_fields\":{\"name\":\"new\","
                + "\"permissions\":[\"publish_video\"],\"color_hex\":null}");
        f.handOffs.clear();
        int rows = f.db.auditRows().size();
        update.update(new UpdateRoleCommand(new RoleCommand(owner, guild.id(), r.id()), Optional.empty(),
                Optional.empty(), new Given("#00ff00")));
        assertThat(f.db.auditRows()).hasSize(rows + 1);
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_role_update");
        f.handOffs.clear();
        update.update(new UpdateRoleCommand(new RoleCommand(owner, guild.id(), r.id()), Optional.of("new"),
                Optional.empty(), new Absent()));
        assertThat(f.db.auditRows()).hasSize(rows + 1);
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void updateFailures() {
        Role high = f.customRole(guild.id(), 60);
        Role low = f.customRole(guild.id(), 10);
        Role everyone = f.seeded(guild.id(), SystemRoleKey.EVERYONE);
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> new UpdateRoleCommand(new RoleCommand(owner, guild.id(), low.id()), Optional.empty(),
                Optional.empty(), new Absent())).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> update.update(new UpdateRoleCommand(new RoleCommand(manager, guild.id(), high.id()),
                Optional.of("x"), Optional.empty(), new Absent()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> update.update(new UpdateRoleCommand(new RoleCommand(manager, guild.id(), low.id()),
                Optional.empty(), Optional.of(PermissionSet.of(Permission.BAN_MEMBER)), new Absent())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> update.update(new UpdateRoleCommand(new RoleCommand(owner, guild.id(),
                everyone.id()), Optional.of("all"), Optional.empty(), new Absent())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> update.update(new UpdateRoleCommand(new RoleCommand(owner, guild.id(),
                f.ids.newRoleId()), Optional.of("x"), Optional.empty(), new Absent())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> update.update(new UpdateRoleCommand(new RoleCommand(owner, guild.id(), low.id()),
                Optional.empty(), Optional.empty(), new Given("red")))).isInstanceOf(InvalidRequestException.class);
        assertThat(f.db.fingerprint()).isEqualTo(before);
    }

    @Test
    void deleteCascadesToAssignmentsOverridesAndDefaultJoinRole() {
        Role r = f.customRole(guild.id(), 10);
        UserId m = f.newMember(guild.id());
        f.assign(guild.id(), r, m);
        var ch = f.newChannel(guild.id());
        f.store.tx(() -> {
            f.store.channels().upsertOverride(guild.id(), ch.id(), ChannelOverride.forRole(r.id(),
                    PermissionSet.of(Permission.PUBLISH_VIDEO), PermissionSet.NONE), f.clock.instant());
            return null;
        });
        setDefault.set(new SetDefaultJoinRoleCommand(owner, guild.id(), Optional.of(r.id())));
        f.handOffs.clear();
        delete.delete(new RoleCommand(owner, guild.id(), r.id()));
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), m))).isEmpty();
        assertThat(f.store.tx(() -> f.store.channels().overridesOf(ch.id()))).isEmpty();
        assertThat(f.store.tx(() -> f.store.guilds().find(guild.id())).orElseThrow().defaultJoinRole()).isEmpty();
        assertThat(audits(AuditAction.ROLE_DELETE)).singleElement()
                .satisfies(e -> assertThat(e.details()).isEqualTo(new AuditDetails.RoleRef(r.id().value())));
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_role_delete", "revalidate:" + guild.id(),
                "voice.reevaluate:" + guild.id());
    }

    @Test
    void deleteRefusesSeededUnmanageableAndUnknownRoles() {
        Role high = f.customRole(guild.id(), 70);
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> delete.delete(new RoleCommand(owner, guild.id(),
                f.seeded(guild.id(), SystemRoleKey.MODERATOR).id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> delete.delete(new RoleCommand(manager, guild.id(), high.id())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> delete.delete(new RoleCommand(owner, guild.id(), f.ids.newRoleId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void reorderGivesTheFirstIdTheLengthOfTheList() {
        Role a = f.customRole(guild.id(), 5);
        Role b = f.customRole(guild.id(), 6);
        Role c = f.customRole(guild.id(), 7);
        reorder.reorder(new ReorderRolesCommand(manager, guild.id(), List.of(a.id(), b.id(), c.id())));
        List<Role> roles = f.store.tx(() -> f.store.roles().listOf(guild.id()));
        assertThat(roles.stream().filter(r -> r.id().equals(a.id())).findFirst().orElseThrow().position()).isEqualTo(3);
        assertThat(roles.stream().filter(r -> r.id().equals(c.id())).findFirst().orElseThrow().position()).isEqualTo(1);
        assertThat(audits(AuditAction.ROLE_REORDER)).singleElement().satisfies(e -> assertThat(e.details())
                .isEqualTo(new AuditDetails.RolesReordered(List.of(a.id().value(), b.id().value(), c.id().value()))));
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_role_reorder");
    }

    @Test
    void reorderRejections() {
        Role a = f.customRole(guild.id(), 5);
        Role high = f.customRole(guild.id(), 80);
        RoleId moderator = f.seeded(guild.id(), SystemRoleKey.MODERATOR).id();
        RoleId everyone = f.seeded(guild.id(), SystemRoleKey.EVERYONE).id();
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> reorder.reorder(new ReorderRolesCommand(owner, guild.id(), List.of())))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> reorder.reorder(new ReorderRolesCommand(owner, guild.id(), List.of(a.id(), a.id()))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> reorder.reorder(new ReorderRolesCommand(owner, guild.id(),
                List.of(f.ids.newRoleId())))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> reorder.reorder(new ReorderRolesCommand(owner, guild.id(), List.of(everyone))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> reorder.reorder(new ReorderRolesCommand(manager, guild.id(), List.of(high.id()))))
                .isInstanceOf(ForbiddenException.class);
        reorder.reorder(new ReorderRolesCommand(owner, guild.id(), List.of(moderator, a.id())));
        assertThat(f.db.fingerprint()).isNotEqualTo(before);
    }

    @Test
    void defaultJoinRoleRules() {
        Role r = f.customRole(guild.id(), 10);
        Role high = f.customRole(guild.id(), 90);
        assertThatThrownBy(() -> setDefault.set(new SetDefaultJoinRoleCommand(owner, guild.id(),
                Optional.of(f.seeded(guild.id(), SystemRoleKey.MEMBER).id())))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> setDefault.set(new SetDefaultJoinRoleCommand(owner, guild.id(),
                Optional.of(f.ids.newRoleId())))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> setDefault.set(new SetDefaultJoinRoleCommand(manager, guild.id(),
                Optional.of(high.id())))).isInstanceOf(ForbiddenException.class);
        assertThat(f.db.auditRows()).isEmpty();
        setDefault.set(new SetDefaultJoinRoleCommand(manager, guild.id(), Optional.of(r.id())));
        setDefault.set(new SetDefaultJoinRoleCommand(manager, guild.id(), Optional.empty()));
        assertThat(audits(AuditAction.ROLE_DEFAULT_JOIN_UPDATE)).extracting(AuditEntry::details)
                .containsExactly(new AuditDetails.DefaultJoinRoleChanged(r.id().value()),
                        new AuditDetails.DefaultJoinRoleChanged(null));
        assertThat(f.handOffs.log()).isEmpty();
    }
}
