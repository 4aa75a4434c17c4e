package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.AddMemberUseCase;
import dev.filament.application.guild.port.in.ListMembersUseCase.ListMembersQuery;
import dev.filament.application.guild.port.in.ListMembersUseCase;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.UpdateMemberRoleUseCase.UpdateMemberRoleCommand;
import dev.filament.application.guild.port.in.UpdateMemberRoleUseCase;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.MemberEntry;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberServicesTest {
    private final GuildFixture f = new GuildFixture();
    private final ListMembersUseCase list = f.graph.listMembers();
    private final AddMemberUseCase add = f.graph.addMember();
    private final UpdateMemberRoleUseCase updateRole = f.graph.updateMemberRole();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);

    @Test
    void walkingAllPagesReturnsEveryMemberOnceInUserIdOrder_forSeveralPageSizes() {
        Random random = new Random(20300101L);
        List<UserId> expected = new ArrayList<>(List.of(owner));
        int count = 40 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            expected.add(f.newMember(guild.id()));
        }
        f.assign(guild.id(), f.seeded(guild.id(), SystemRoleKey.MODERATOR), expected.get(3));
        expected.sort(null);
        for (int limit : new int[] {1, 7, count + 1, expected.size(), 1 + random.nextInt(30)}) {
            List<MemberEntry> all = Pagination.walk(limit, (cursor, l) -> list.list(
                    ListMembersQuery.parse(owner, guild.id(), cursor, OptionalInt.of(l))));
            assertThat(all).extracting(MemberEntry::user).containsExactlyElementsOf(expected);
        }
        MemberEntry first = list.list(ListMembersQuery.parse(owner, guild.id(), Optional.empty(),
                OptionalInt.empty())).items().stream().filter(m -> m.user().equals(owner)).findFirst().orElseThrow();
        assertThat(first.roleIds()).containsExactly(f.seeded(guild.id(), SystemRoleKey.WORKSPACE_OWNER).id());
    }

    @Test
    void listQueryValidation() {
        assertThatThrownBy(() -> ListMembersQuery.parse(owner, guild.id(), Optional.of("nope"), OptionalInt.empty()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ListMembersQuery.parse(owner, guild.id(), Optional.empty(), OptionalInt.of(201)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ListMembersQuery.parse(owner, guild.id(), Optional.empty(), OptionalInt.of(0)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(ListMembersQuery.parse(owner, guild.id(), Optional.empty(), OptionalInt.empty()).limit())
                .isEqualTo(50);
    }

    @Test
    void addInsertsAssignsTheDefaultJoinRoleAndPublishesWithActor() {
        Role welcome = f.customRole(guild.id(), 3);
        f.store.tx(() -> {
            f.store.guilds().update(f.store.guilds().find(guild.id()).orElseThrow()
                    .withDefaultJoinRole(Optional.of(welcome.id())));
            return null;
        });
        UserId u = f.newUser();
        add.add(new MemberCommand(owner, guild.id(), u));
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), u))).containsExactly(welcome.id());
        assertThat(f.handOffs.events("workspace_member_add")).singleElement().satisfies(e -> assertThat(
                e.payloadJson()).isEqualTo("{\"guild_id\":\"" + guild.id() + "\",\"user_id\":\"" + u
                + "\",\"role\":\"member\",\"joined_at_unix\":" + f.clock.instant().getEpochSecond()
                + ",\"actor_user_id\":\"" + owner + "\"}"));
        f.handOffs.clear();
        add.add(new MemberCommand(owner, guild.id(), u));
        assertThat(f.handOffs.log()).isEmpty();
        assertThat(f.db.auditRows()).isEmpty();
    }

    @Test
    void addRejections() {
        UserId banned = f.newUser();
        f.store.tx(() -> f.store.bans().insertIfAbsent(new GuildBan(guild.id(), banned, Optional.of(owner),
                f.clock.instant())));
        UserId plain = f.newMember(guild.id());
        UserId stranger = f.newUser();
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> add.add(new MemberCommand(owner, guild.id(), banned)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> add.add(new MemberCommand(owner, guild.id(), f.ids.newUserId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> add.add(new MemberCommand(plain, guild.id(), stranger)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.db.fingerprint()).isEqualTo(before);
    }

    @Test
    void ownerPromotesAndDemotesAModerator() {
        UserId m = f.newMember(guild.id());
        updateRole.update(new UpdateMemberRoleCommand(new MemberCommand(owner, guild.id(), m), LegacyRole.MODERATOR));
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), m)))
                .containsExactly(f.seeded(guild.id(), SystemRoleKey.MODERATOR).id());
        assertThat(f.db.auditRows().getLast().action()).isEqualTo(AuditAction.MEMBER_ROLE_UPDATE);
        assertThat(f.db.auditRows().getLast().details())
                .isEqualTo(new AuditDetails.MemberRoleChanged("member", "moderator"));
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_member_update", "revalidate:" + guild.id(),
                "voice.reevaluate:" + guild.id());
        f.handOffs.clear();
        updateRole.update(new UpdateMemberRoleCommand(new MemberCommand(owner, guild.id(), m), LegacyRole.MODERATOR));
        assertThat(f.handOffs.log()).isEmpty();
        updateRole.update(new UpdateMemberRoleCommand(new MemberCommand(owner, guild.id(), m), LegacyRole.MEMBER));
        assertThat(f.store.tx(() -> f.store.roles().assignmentsOf(guild.id(), m))).isEmpty();
    }

    @Test
    void memberRoleRejections() {
        UserId mod = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
        UserId otherMod = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
        UserId plain = f.newMember(guild.id());
        UserId roleManager = f.memberWith(guild.id(), 20, Permission.MANAGE_ROLES);
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> updateRole.update(new UpdateMemberRoleCommand(new MemberCommand(plain, guild.id(),
                mod), LegacyRole.MEMBER))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> updateRole.update(new UpdateMemberRoleCommand(new MemberCommand(mod, guild.id(),
                otherMod), LegacyRole.MEMBER))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> updateRole.update(new UpdateMemberRoleCommand(new MemberCommand(roleManager,
                guild.id(), plain), LegacyRole.MODERATOR))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> updateRole.update(new UpdateMemberRoleCommand(new MemberCommand(owner, guild.id(),
                plain), LegacyRole.OWNER))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> updateRole.update(new UpdateMemberRoleCommand(new MemberCommand(owner, guild.id(),
                f.ids.newUserId()), LegacyRole.MODERATOR))).isInstanceOf(NotFoundException.class);
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.log()).isEmpty();
    }
}
