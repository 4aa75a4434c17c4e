package dev.filament.postgres.guild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.guild.port.in.CreateChannelUseCase.CreateChannelCommand;
import dev.filament.application.guild.port.in.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.port.in.GetSelfPermissionsUseCase.GetSelfPermissionsQuery;
import dev.filament.application.guild.port.in.ListAuditUseCase.ListAuditQuery;
import dev.filament.application.guild.port.in.ListChannelsUseCase.ListChannelsQuery;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.ByLegacyRole;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.UpsertChannelOverrideCommand;
import dev.filament.application.guild.port.out.AuditLog;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.guild.service.GuildServices;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.audit.ActionPrefix;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real use cases end to end over the jOOQ adapters (wired as the bootstrap wires them), and SPEC 1.11 W1: when the
 * audit insert of a mutation fails, nothing of the mutation remains and nothing is handed off.
 */
@ExtendWith(PostgresExtension.class)
class GuildUseCasesOverPostgresTest {
    private final PostgresGuildPorts ports;
    private final GuildPorts store;
    private final GuildWorld world = new GuildWorld();
    private final GuildServices useCases;
    private final UserId owner;
    private final UserId member;

    GuildUseCasesOverPostgresTest(TestDatabase db) {
        ports = new PostgresGuildPorts(db);
        store = ports.store();
        useCases = world.useCases(store);
        owner = ports.user();
        member = ports.user();
    }

    private Channel channel(GuildId guild, String name) {
        return useCases.createChannel().create(new CreateChannelCommand(owner, GuildWorld.IP, guild, name,
                Optional.empty()));
    }

    private UpsertChannelOverrideCommand denyMembers(GuildId guild, Channel channel) {
        return new UpsertChannelOverrideCommand(owner, GuildWorld.IP, guild, channel.id(),
                new ByLegacyRole(LegacyRole.MEMBER), PermissionSet.NONE, PermissionSet.of(Permission.CREATE_MESSAGE));
    }

    private List<Channel> visibleTo(UserId user, GuildId guild) {
        return useCases.listChannels().list(new ListChannelsQuery(user, GuildWorld.IP, guild));
    }

    private List<AuditEntry> audit(GuildId guild) {
        return useCases.listAudit().list(new ListAuditQuery(owner, guild, Optional.empty(), OptionalInt.empty(),
                Optional.empty())).items();
    }

    @Test
    void createGuild_createChannels_override_listChannelsFiltersByPermission() {
        Guild g = useCases.createGuild().create(new CreateGuildCommand(owner, "e2e", Optional.empty()));
        Channel open = channel(g.id(), "open");
        Channel secret = channel(g.id(), "secret");
        useCases.addMember().add(new MemberCommand(owner, g.id(), member));

        assertThat(visibleTo(member, g.id())).containsExactly(open, secret);
        useCases.upsertChannelOverride().upsert(denyMembers(g.id(), secret));

        assertThat(visibleTo(member, g.id())).containsExactly(open);
        assertThat(visibleTo(owner, g.id())).containsExactly(open, secret);
        assertThatThrownBy(() -> useCases.getSelfPermissions().get(new GetSelfPermissionsQuery(member,
                GuildWorld.IP, g.id(), secret.id()))).isInstanceOf(ForbiddenException.class);
        assertThat(audit(g.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CHANNEL_PERMISSION_OVERRIDE_UPDATE);
            assertThat(e.details()).isInstanceOfSatisfying(AuditDetails.ChannelOverrideUpdated.class, d -> {
                assertThat(d.channelId()).isEqualTo(secret.id().value());
                assertThat(d.deny()).containsExactly("create_message");
            });
        });
        assertThat(world.gateway.events()).extracting(GatewayEvent::type).containsExactly("channel_create",
                "channel_create", "workspace_member_add", "workspace_channel_permission_override_update",
                "workspace_channel_role_override_update");
        assertThat(world.handOffs.log()).containsExactly("revalidate:" + g.id(), "voice.reevaluate:" + g.id());
    }

    @Test
    void aFailingAuditInsertRollsBackTheOverrideItDescribes_andNothingIsHandedOff() {
        Guild g = useCases.createGuild().create(new CreateGuildCommand(owner, "w1", Optional.empty()));
        Channel secret = channel(g.id(), "secret");
        useCases.addMember().add(new MemberCommand(owner, g.id(), member));
        int eventsBefore = world.gateway.events().size();

        GuildServices failing = world.useCases(withAudit(new AppendThenFail(store.audit())));
        assertThatThrownBy(() -> failing.upsertChannelOverride().upsert(denyMembers(g.id(), secret)))
                .hasMessageContaining("audit insert refused");

        assertThat(store.tx(() -> store.channels().overridesOf(secret.id()))).isEmpty();
        assertThat(audit(g.id())).isEmpty();
        assertThat(visibleTo(member, g.id())).contains(secret);
        assertThat(world.gateway.events()).hasSize(eventsBefore);
        assertThat(world.handOffs.log()).isEmpty();
    }

    @Test
    void aFailingAuditInsertRollsBackEveryRowOfABan() {
        Guild g = useCases.createGuild().create(new CreateGuildCommand(owner, "w1 ban", Optional.empty()));
        useCases.addMember().add(new MemberCommand(owner, g.id(), member));

        GuildServices failing = world.useCases(withAudit(new AppendThenFail(store.audit())));
        assertThatThrownBy(() -> failing.banMember().ban(new MemberCommand(owner, g.id(), member)))
                .hasMessageContaining("audit insert refused");

        assertThat(store.tx(() -> store.bans().isBanned(g.id(), member))).isFalse();
        assertThat(store.tx(() -> store.members().isMember(g.id(), member))).isTrue();
        assertThat(audit(g.id())).isEmpty();
        assertThat(world.gateway.events("workspace_member_ban")).isEmpty();
    }

    private GuildPorts withAudit(AuditLog audit) {
        return new GuildPorts(store.unitOfWork(), store.guilds(), store.channels(), store.roles(), store.members(),
                store.bans(), store.ipBans(), store.observations(), audit, store.users(), store.access());
    }

    /** Writes the audit row (so it, too, must roll back) and then fails, like a rejected insert would. */
    private record AppendThenFail(AuditLog delegate) implements AuditLog {
        @Override
        public void append(AuditEntry entry) {
            delegate.append(entry);
            throw new IllegalStateException("audit insert refused (test)");
        }

        @Override
        public List<AuditEntry> page(GuildId guild, Optional<TimeCursor> after, Optional<ActionPrefix> prefix,
                                     int limit) {
            return delegate.page(guild, after, prefix, limit);
        }
    }
}
