package dev.filament.application.guild.service;

import dev.filament.application.gateway.GatewayEventPublisher;
import dev.filament.application.guild.port.PayloadSerializer;
import dev.filament.application.guild.port.in.AddMemberUseCase;
import dev.filament.application.guild.port.in.AssignRoleUseCase;
import dev.filament.application.guild.port.in.BanMemberUseCase;
import dev.filament.application.guild.port.in.CreateChannelUseCase;
import dev.filament.application.guild.port.in.CreateGuildUseCase;
import dev.filament.application.guild.port.in.CreateIpBansByUserUseCase;
import dev.filament.application.guild.port.in.CreateRoleUseCase;
import dev.filament.application.guild.port.in.DeleteIpBanUseCase;
import dev.filament.application.guild.port.in.DeleteRoleUseCase;
import dev.filament.application.guild.port.in.GetSelfPermissionsUseCase;
import dev.filament.application.guild.port.in.JoinGuildUseCase;
import dev.filament.application.guild.port.in.KickMemberUseCase;
import dev.filament.application.guild.port.in.ListAuditUseCase;
import dev.filament.application.guild.port.in.ListBansUseCase;
import dev.filament.application.guild.port.in.ListChannelsUseCase;
import dev.filament.application.guild.port.in.ListGuildsUseCase;
import dev.filament.application.guild.port.in.ListIpBansUseCase;
import dev.filament.application.guild.port.in.ListMembersUseCase;
import dev.filament.application.guild.port.in.ListPublicGuildsUseCase;
import dev.filament.application.guild.port.in.ListRolesUseCase;
import dev.filament.application.guild.port.in.ReorderRolesUseCase;
import dev.filament.application.guild.port.in.SetDefaultJoinRoleUseCase;
import dev.filament.application.guild.port.in.UnassignRoleUseCase;
import dev.filament.application.guild.port.in.UnbanUseCase;
import dev.filament.application.guild.port.in.UpdateGuildUseCase;
import dev.filament.application.guild.port.in.UpdateMemberRoleUseCase;
import dev.filament.application.guild.port.in.UpdateRoleUseCase;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase;
import dev.filament.application.guild.port.out.GuildRevalidation;
import dev.filament.application.guild.port.out.HandOffFailures;
import dev.filament.application.guild.port.out.VoiceRemovals;
import dev.filament.application.identity.port.IpObservationRecorder;
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
