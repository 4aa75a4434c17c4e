package dev.filament.application.guild;

import dev.filament.application.gateway.GatewayEventPublisher;
import dev.filament.application.guild.access.AccessLadder;
import dev.filament.application.guild.access.IpBanHitThrottle;
import dev.filament.application.guild.audit.ListAuditService;
import dev.filament.application.guild.audit.ListAuditUseCase;
import dev.filament.application.guild.channels.CreateChannelService;
import dev.filament.application.guild.channels.CreateChannelUseCase;
import dev.filament.application.guild.channels.GetSelfPermissionsService;
import dev.filament.application.guild.channels.GetSelfPermissionsUseCase;
import dev.filament.application.guild.channels.ListChannelsService;
import dev.filament.application.guild.channels.ListChannelsUseCase;
import dev.filament.application.guild.channels.UpsertChannelOverrideService;
import dev.filament.application.guild.channels.UpsertChannelOverrideUseCase;
import dev.filament.application.guild.directory.JoinGuildService;
import dev.filament.application.guild.directory.JoinGuildUseCase;
import dev.filament.application.guild.guilds.CreateGuildService;
import dev.filament.application.guild.guilds.CreateGuildUseCase;
import dev.filament.application.guild.guilds.ListGuildsService;
import dev.filament.application.guild.guilds.ListGuildsUseCase;
import dev.filament.application.guild.guilds.ListPublicGuildsService;
import dev.filament.application.guild.guilds.ListPublicGuildsUseCase;
import dev.filament.application.guild.guilds.UpdateGuildService;
import dev.filament.application.guild.guilds.UpdateGuildUseCase;
import dev.filament.application.guild.handoff.HandOffs;
import dev.filament.application.guild.ipbans.CreateIpBansByUserService;
import dev.filament.application.guild.ipbans.CreateIpBansByUserUseCase;
import dev.filament.application.guild.ipbans.DeleteIpBanService;
import dev.filament.application.guild.ipbans.DeleteIpBanUseCase;
import dev.filament.application.guild.ipbans.ListIpBansService;
import dev.filament.application.guild.ipbans.ListIpBansUseCase;
import dev.filament.application.guild.members.AddMemberService;
import dev.filament.application.guild.members.AddMemberUseCase;
import dev.filament.application.guild.members.ListMembersService;
import dev.filament.application.guild.members.ListMembersUseCase;
import dev.filament.application.guild.members.UpdateMemberRoleService;
import dev.filament.application.guild.members.UpdateMemberRoleUseCase;
import dev.filament.application.guild.moderation.BanMemberService;
import dev.filament.application.guild.moderation.BanMemberUseCase;
import dev.filament.application.guild.moderation.KickMemberService;
import dev.filament.application.guild.moderation.KickMemberUseCase;
import dev.filament.application.guild.moderation.ListBansService;
import dev.filament.application.guild.moderation.ListBansUseCase;
import dev.filament.application.guild.moderation.UnbanService;
import dev.filament.application.guild.moderation.UnbanUseCase;
import dev.filament.application.guild.port.GuildRevalidation;
import dev.filament.application.guild.port.HandOffFailures;
import dev.filament.application.guild.port.PayloadSerializer;
import dev.filament.application.guild.port.VoiceRemovals;
import dev.filament.application.guild.roles.AssignRoleService;
import dev.filament.application.guild.roles.AssignRoleUseCase;
import dev.filament.application.guild.roles.CreateRoleService;
import dev.filament.application.guild.roles.CreateRoleUseCase;
import dev.filament.application.guild.roles.DeleteRoleService;
import dev.filament.application.guild.roles.DeleteRoleUseCase;
import dev.filament.application.guild.roles.ListRolesService;
import dev.filament.application.guild.roles.ListRolesUseCase;
import dev.filament.application.guild.roles.ReorderRolesService;
import dev.filament.application.guild.roles.ReorderRolesUseCase;
import dev.filament.application.guild.roles.SetDefaultJoinRoleService;
import dev.filament.application.guild.roles.SetDefaultJoinRoleUseCase;
import dev.filament.application.guild.roles.UnassignRoleService;
import dev.filament.application.guild.roles.UnassignRoleUseCase;
import dev.filament.application.guild.roles.UpdateRoleService;
import dev.filament.application.guild.roles.UpdateRoleUseCase;
import dev.filament.application.identity.port.out.IpObservationRecorder;
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.domain.guild.ipban.IpBanMatch;
import dev.filament.domain.id.IdGenerator;
import java.time.Clock;

/**
 * Every guild use case of SPEC 5-7, built once by the wiring: bootstrap calls {@link #kit} with the adapters' ports,
 * then {@link #create} with the two directory-join limiters and the login's IP observation recorder.
 */
public record GuildUseCases(
        CreateGuildUseCase createGuild, ListGuildsUseCase listGuilds, UpdateGuildUseCase updateGuild,
        ListPublicGuildsUseCase listPublicGuilds, JoinGuildUseCase joinGuild,
        CreateChannelUseCase createChannel, ListChannelsUseCase listChannels,
        GetSelfPermissionsUseCase getSelfPermissions, UpsertChannelOverrideUseCase upsertChannelOverride,
        ListRolesUseCase listRoles, CreateRoleUseCase createRole, UpdateRoleUseCase updateRole,
        DeleteRoleUseCase deleteRole, ReorderRolesUseCase reorderRoles, SetDefaultJoinRoleUseCase setDefaultJoinRole,
        AssignRoleUseCase assignRole, UnassignRoleUseCase unassignRole,
        ListMembersUseCase listMembers, AddMemberUseCase addMember, UpdateMemberRoleUseCase updateMemberRole,
        KickMemberUseCase kickMember, BanMemberUseCase banMember, ListBansUseCase listBans, UnbanUseCase unban,
        ListIpBansUseCase listIpBans, CreateIpBansByUserUseCase createIpBansByUser, DeleteIpBanUseCase deleteIpBan,
        ListAuditUseCase listAudit) {

    /** The shared collaborators: ladder (with its IP-ban match and hit throttle), audit writer and hand-offs. */
    public static GuildKit kit(GuildStore store, GuildSettings settings, IdGenerator ids, Clock clock,
                               GatewayEventPublisher gateway, PayloadSerializer serializer,
                               GuildRevalidation revalidation, VoiceRemovals voice, HandOffFailures failures) {
        HandOffs handOffs = new HandOffs(gateway, serializer, revalidation, voice, failures);
        Audits audits = new Audits(store.audit(), ids);
        AccessLadder ladder = new AccessLadder(store, settings, new IpBanMatch(settings.infrastructure()),
                new IpBanHitThrottle(), audits, handOffs, clock);
        return new GuildKit(store, ladder, audits, handOffs, ids, clock, settings);
    }

    /** @param joinIpLimiter {@code directory_join_ip}; @param joinUserLimiter {@code directory_join_user} */
    public static GuildUseCases create(GuildKit kit, RateLimiter joinIpLimiter, RateLimiter joinUserLimiter,
                                       IpObservationRecorder observations) {
        return new GuildUseCases(
                new CreateGuildService(kit), new ListGuildsService(kit), new UpdateGuildService(kit),
                new ListPublicGuildsService(kit), new JoinGuildService(kit, joinIpLimiter, joinUserLimiter,
                        observations),
                new CreateChannelService(kit), new ListChannelsService(kit), new GetSelfPermissionsService(kit),
                new UpsertChannelOverrideService(kit),
                new ListRolesService(kit), new CreateRoleService(kit), new UpdateRoleService(kit),
                new DeleteRoleService(kit), new ReorderRolesService(kit), new SetDefaultJoinRoleService(kit),
                new AssignRoleService(kit), new UnassignRoleService(kit),
                new ListMembersService(kit), new AddMemberService(kit), new UpdateMemberRoleService(kit),
                new KickMemberService(kit), new BanMemberService(kit), new ListBansService(kit), new UnbanService(kit),
                new ListIpBansService(kit), new CreateIpBansByUserService(kit), new DeleteIpBanService(kit),
                new ListAuditService(kit));
    }
}
