package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.CreateChannelUseCase.CreateChannelCommand;
import dev.filament.application.guild.port.in.CreateChannelUseCase;
import dev.filament.application.guild.port.in.GetSelfPermissionsUseCase.GetSelfPermissionsQuery;
import dev.filament.application.guild.port.in.GetSelfPermissionsUseCase;
import dev.filament.application.guild.port.in.ListChannelsUseCase.ListChannelsQuery;
import dev.filament.application.guild.port.in.ListChannelsUseCase;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.ByKind;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.ByLegacyRole;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.Target;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.UpsertChannelOverrideCommand;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase;
import dev.filament.application.guild.port.out.InMemoryChannelRepository;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.access.EffectivePermissions;
import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelServicesTest {
    private final GuildFixture f = new GuildFixture();
    private final CreateChannelUseCase create = f.graph.createChannel();
    private final ListChannelsUseCase list = f.graph.listChannels();
    private final GetSelfPermissionsUseCase self = f.graph.getSelfPermissions();
    private final UpsertChannelOverrideUseCase upsert = f.graph.upsertChannelOverride();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);

    private Channel create(UserId user, String name) {
        return create.create(new CreateChannelCommand(user, GuildFixture.IP, guild.id(), name, Optional.empty()));
    }

    private void override(UserId user, ChannelId channel, Target target, PermissionSet allow, PermissionSet deny) {
        upsert.upsert(new UpsertChannelOverrideCommand(user, GuildFixture.IP, guild.id(), channel, target, allow,
                deny));
    }

    private List<Channel> list(UserId user) {
        return list.list(new ListChannelsQuery(user, GuildFixture.IP, guild.id()));
    }

    @Test
    void createInsertsATextChannelAndPublishesChannelCreateAfterCommit() {
        Channel c = create(owner, "general");
        assertThat(c.kind()).isEqualTo(ChannelKind.TEXT);
        assertThat(f.store.tx(() -> f.store.channels().find(guild.id(), c.id()))).contains(c);
        assertThat(f.handOffs.events("channel_create")).singleElement().satisfies(e -> assertThat(e.payloadJson())
                .isEqualTo("{\"guild_id\":\"" + guild.id() + "\",\"channel\":{\"channel_id\":\"" + c.id()
                        + "\",\"name\":\"general\",\"kind\":\"text\"}}"));
        assertThat(f.handOffs.handedOffInsideTransaction()).isFalse();
        assertThat(f.db.auditRows()).isEmpty();
    }

    @Test
    void createNeedsManageChannelOverridesAndAValidName() {
        UserId member = f.newMember(guild.id());
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> create(member, "x")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> create(owner, "\t")).isInstanceOf(InvalidRequestException.class);
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void givenFiveHundredChannels_create_is409AndWritesNothing() {
        for (int i = 0; i < 500; i++) {
            f.newChannel(guild.id());
        }
        String before = f.db.fingerprint();
        assertThatThrownBy(() -> create(owner, "one too many")).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "quota_exceeded");
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.log()).isEmpty();
    }

    @Test
    void listShowsOnlyChannelsWithCreateMessage_inCreationOrder_withConstantReads() {
        Channel a = f.newChannel(guild.id());
        Channel hidden = f.newChannel(guild.id());
        Channel c = f.newChannel(guild.id());
        UserId member = f.newMember(guild.id());
        Role everyone = f.seeded(guild.id(), SystemRoleKey.EVERYONE);
        Role memberRole = f.seeded(guild.id(), SystemRoleKey.MEMBER);
        PermissionSet cm = PermissionSet.of(Permission.CREATE_MESSAGE);
        override(owner, hidden.id(), new ByKind(OverrideTargetKind.ROLE, everyone.id().value()), PermissionSet.NONE, cm);
        override(owner, hidden.id(), new ByKind(OverrideTargetKind.ROLE, memberRole.id().value()), PermissionSet.NONE,
                cm);
        InMemoryChannelRepository channels = (InMemoryChannelRepository) f.store.channels();
        int reads = channels.overrideReads();
        assertThat(list(member)).containsExactly(a, c);
        assertThat(channels.overrideReads() - reads).isEqualTo(1);
        assertThat(list(owner)).containsExactly(a, hidden, c);
        override(owner, hidden.id(), new ByKind(OverrideTargetKind.MEMBER, member.value()), cm, PermissionSet.NONE);
        assertThat(list(member)).containsExactly(a, hidden, c);
    }

    @Test
    void selfPermissionsAreChannelLevelWithLegacyRole() {
        Channel ch = f.newChannel(guild.id());
        UserId mod = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
        override(owner, ch.id(), new ByLegacyRole(LegacyRole.MODERATOR), PermissionSet.NONE,
                PermissionSet.of(Permission.DELETE_MESSAGE));
        EffectivePermissions p = self.get(new GetSelfPermissionsQuery(mod, GuildFixture.IP, guild.id(), ch.id()));
        assertThat(p.legacyRole()).isEqualTo(LegacyRole.MODERATOR);
        assertThat(p.has(Permission.DELETE_MESSAGE)).isFalse();
        assertThat(p.has(Permission.BAN_MEMBER)).isTrue();
        override(owner, ch.id(), new ByLegacyRole(LegacyRole.MODERATOR), PermissionSet.NONE,
                PermissionSet.of(Permission.CREATE_MESSAGE));
        assertThatThrownBy(() -> self.get(new GetSelfPermissionsQuery(mod, GuildFixture.IP, guild.id(), ch.id())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> self.get(new GetSelfPermissionsQuery(mod, GuildFixture.IP, guild.id(),
                f.ids.newChannelId()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void upsertWritesRowAuditEventThenRevalidationAndVoice() {
        Channel ch = f.newChannel(guild.id());
        UserId target = f.newUser();
        f.handOffs.clear();
        override(owner, ch.id(), new ByKind(OverrideTargetKind.MEMBER, target.value()),
                PermissionSet.of(Permission.PUBLISH_VIDEO), PermissionSet.of(Permission.CREATE_MESSAGE));
        AuditEntry audit = f.db.auditRows().getLast();
        assertThat(audit.action()).isEqualTo(AuditAction.CHANNEL_PERMISSION_OVERRIDE_UPDATE);
        assertThat(audit.target()).contains(target);
        assertThat(audit.details()).isEqualTo(new AuditDetails.ChannelOverrideUpdated(ch.id().value(), "member",
                target.value(), List.of("publish_video"), List.of("create_message")));
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_channel_permission_override_update",
                "revalidate:" + guild.id(), "voice.reevaluate:" + guild.id());
        assertThat(f.handOffs.events().getFirst().payloadJson()).contains(
                "\"updated_fields\":{\"allow\":[\"publish_video\"],\"deny\":[\"create_message\"]}");
        assertThat(f.store.tx(() -> f.store.channels().overridesOf(ch.id()))).hasSize(1);
        override(owner, ch.id(), new ByKind(OverrideTargetKind.MEMBER, target.value()), PermissionSet.NONE,
                PermissionSet.NONE);
        assertThat(f.store.tx(() -> f.store.channels().overridesOf(ch.id()))).isEmpty();
    }

    @Test
    void aliasTargetsTheSeededRoleAndARoleOverrideHasNoAuditTarget() {
        Channel ch = f.newChannel(guild.id());
        override(owner, ch.id(), new ByLegacyRole(LegacyRole.OWNER), PermissionSet.of(Permission.CREATE_MESSAGE),
                PermissionSet.NONE);
        var rows = f.store.tx(() -> f.store.channels().overridesOf(ch.id()));
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.targetId())
                .isEqualTo(f.seeded(guild.id(), SystemRoleKey.WORKSPACE_OWNER).id().value()));
        assertThat(f.db.auditRows().getLast().target()).isEmpty();
    }

    @Test
    void alias_publishesTheGenericEventThenTheLegacyRoleEvent_bothToGuildScope() {
        Channel ch = f.newChannel(guild.id());
        Role moderator = f.seeded(guild.id(), SystemRoleKey.MODERATOR);
        f.handOffs.clear();
        override(owner, ch.id(), new ByLegacyRole(LegacyRole.MODERATOR),
                PermissionSet.of(Permission.PUBLISH_VIDEO, Permission.CREATE_MESSAGE),
                PermissionSet.of(Permission.BAN_MEMBER, Permission.DELETE_MESSAGE));
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_channel_permission_override_update",
                "publish:workspace_channel_role_override_update", "revalidate:" + guild.id(),
                "voice.reevaluate:" + guild.id());
        long at = f.clock.instant().getEpochSecond();
        String lists = "\"updated_fields\":{\"allow\":[\"create_message\",\"publish_video\"],"
                + "\"deny\":[\"delete_message\",\"ban_member\"]},\"updated_at_unix\":" + at
                + ",\"actor_user_id\":\"" + owner.value() + "\"}";
        assertThat(f.handOffs.events()).allSatisfy(e -> assertThat(e.scope())
                .isEqualTo(dev.filament.application.shared.GatewayEvent.Scope.guild(guild.id())));
        assertThat(f.handOffs.events().get(0).payloadJson()).isEqualTo("{\"guild_id\":\"" + guild.id().value()
                + "\",\"channel_id\":\"" + ch.id().value() + "\",\"target_kind\":\"role\",\"target_id\":\""
                + moderator.id().value() + "\"," + lists);
        assertThat(f.handOffs.events().get(1).payloadJson()).isEqualTo("{\"guild_id\":\"" + guild.id().value()
                + "\",\"channel_id\":\"" + ch.id().value() + "\",\"role\":\"moderator\"," + lists);

        f.handOffs.clear();
        override(owner, ch.id(), new ByLegacyRole(LegacyRole.MODERATOR), PermissionSet.NONE, PermissionSet.NONE);
        assertThat(f.store.tx(() -> f.store.channels().overridesOf(ch.id()))).isEmpty();
        assertThat(f.handOffs.events("workspace_channel_role_override_update")).singleElement()
                .satisfies(e -> assertThat(e.payloadJson()).contains("\"role\":\"moderator\","
                        + "\"updated_fields\":{\"allow\":[],\"deny\":[]}"));
    }

    @Test
    void theCanonicalRouteOnASeededRole_publishesOnlyTheGenericEvent() {
        Channel ch = f.newChannel(guild.id());
        Role member = f.seeded(guild.id(), SystemRoleKey.MEMBER);
        f.handOffs.clear();
        override(owner, ch.id(), new ByKind(OverrideTargetKind.ROLE, member.id().value()), PermissionSet.NONE,
                PermissionSet.of(Permission.CREATE_MESSAGE));
        assertThat(f.handOffs.log()).containsExactly("publish:workspace_channel_permission_override_update",
                "revalidate:" + guild.id(), "voice.reevaluate:" + guild.id());
    }

    @Test
    void upsertFailures_writeNothing() {
        Channel ch = f.newChannel(guild.id());
        Guild other = f.newGuild(f.newUser());
        Role foreignRole = f.seeded(other.id(), SystemRoleKey.MEMBER);
        UserId overrider = f.memberWith(guild.id(), 50, Permission.MANAGE_CHANNEL_OVERRIDES);
        UserId plain = f.newMember(guild.id());
        String before = f.db.fingerprint();
        PermissionSet cm = PermissionSet.of(Permission.CREATE_MESSAGE);
        assertThatThrownBy(() -> override(owner, ch.id(), new ByKind(OverrideTargetKind.ROLE,
                foreignRole.id().value()), cm, PermissionSet.NONE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> override(owner, ch.id(), new ByKind(OverrideTargetKind.MEMBER,
                f.ids.newUserId().value()), cm, PermissionSet.NONE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> override(owner, ch.id(), new ByLegacyRole(LegacyRole.MEMBER), cm, cm))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> override(overrider, ch.id(), new ByLegacyRole(LegacyRole.MEMBER),
                PermissionSet.of(Permission.BAN_MEMBER), PermissionSet.NONE))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> override(plain, ch.id(), new ByLegacyRole(LegacyRole.MEMBER),
                cm, PermissionSet.NONE)).isInstanceOf(ForbiddenException.class);
        assertThat(f.db.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.log()).isEmpty();
        override(overrider, ch.id(), new ByLegacyRole(LegacyRole.MEMBER), cm, PermissionSet.NONE);
    }
}
