package dev.filament.bootstrap.wiring;

import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.port.out.AuditLog;
import dev.filament.application.guild.port.out.BanRepository;
import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.GuildRevalidation;
import dev.filament.application.guild.port.out.HandOffFailures;
import dev.filament.application.guild.port.out.IpBanRepository;
import dev.filament.application.guild.port.out.IpObservationQuery;
import dev.filament.application.guild.port.out.MemberRepository;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.application.guild.port.out.UserDirectory;
import dev.filament.application.guild.port.out.VoiceRemovals;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.AddMemberService;
import dev.filament.application.guild.service.AssignRoleService;
import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.BanMemberService;
import dev.filament.application.guild.service.CreateChannelService;
import dev.filament.application.guild.service.CreateGuildService;
import dev.filament.application.guild.service.CreateIpBansByUserService;
import dev.filament.application.guild.service.CreateRoleService;
import dev.filament.application.guild.service.DeleteIpBanService;
import dev.filament.application.guild.service.DeleteRoleService;
import dev.filament.application.guild.service.GetSelfPermissionsService;
import dev.filament.application.guild.service.GuildSettings;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.guild.service.IpBanHitThrottle;
import dev.filament.application.guild.service.IpBanSyncAudience;
import dev.filament.application.guild.service.JoinGuildService;
import dev.filament.application.guild.service.KickMemberService;
import dev.filament.application.guild.service.ListAuditService;
import dev.filament.application.guild.service.ListBansService;
import dev.filament.application.guild.service.ListChannelsService;
import dev.filament.application.guild.service.ListGuildsService;
import dev.filament.application.guild.service.ListIpBansService;
import dev.filament.application.guild.service.ListMembersService;
import dev.filament.application.guild.service.ListPublicGuildsService;
import dev.filament.application.guild.service.ListRolesService;
import dev.filament.application.guild.service.Memberships;
import dev.filament.application.guild.service.Removals;
import dev.filament.application.guild.service.ReorderRolesService;
import dev.filament.application.guild.service.RoleAssignments;
import dev.filament.application.guild.service.SetDefaultJoinRoleService;
import dev.filament.application.guild.service.UnassignRoleService;
import dev.filament.application.guild.service.UnbanService;
import dev.filament.application.guild.service.UpdateGuildService;
import dev.filament.application.guild.service.UpdateMemberRoleService;
import dev.filament.application.guild.service.UpdateRoleService;
import dev.filament.application.guild.service.UpsertChannelOverrideService;
import dev.filament.application.identity.port.out.IpObservationRecorder;
import dev.filament.application.shared.RateLimiter;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.domain.guild.ipban.InfrastructureNetworks;
import dev.filament.domain.guild.ipban.IpBanMatch;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.id.UserId;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.guild.ChannelRoutes;
import dev.filament.http.guild.GuildRoutes;
import dev.filament.http.guild.IpBanRoutes;
import dev.filament.http.guild.MemberRoutes;
import dev.filament.http.guild.RoleRoutes;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.routes.RouteModule;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.guild.AccessCache;
import dev.filament.application.guild.port.out.GuildAccessVersions;
import dev.filament.postgres.guild.JooqAccessLoader;
import dev.filament.postgres.guild.JooqAuditLog;
import dev.filament.postgres.guild.JooqBanRepository;
import dev.filament.postgres.guild.JooqChannelRepository;
import dev.filament.postgres.guild.JooqGuildRepository;
import dev.filament.postgres.guild.JooqIpBanRepository;
import dev.filament.postgres.guild.JooqIpObservationQuery;
import dev.filament.postgres.guild.JooqMemberRepository;
import dev.filament.postgres.guild.JooqRoleRepository;
import dev.filament.postgres.guild.JooqUserDirectory;
import java.time.Clock;
import java.util.List;

/**
 * Guilds, channels, roles, members, moderation, IP bans, directory and audit (SPEC 5-7): builds the PostgreSQL guild
 * adapters, the guild services over exactly the ports each one uses, and their route modules.
 */
public final class GuildWiring {
    private GuildWiring() {
    }

    /**
     * What the other features take from the guild feature: the cached access ladder, the audit writer and the post-commit
     * hand-offs (messages, search, voice), the access loader (gateway revalidation) and the channel table (search),
     * plus the guild route modules.
     */
    public record GuildModule(AccessLadder ladder, Audits audits, HandOffs handOffs, AccessLoader accessLoader,
                              ChannelRepository channels, List<RouteModule> routes) {
        public GuildModule {
            routes = List.copyOf(routes);
        }
    }

    /** {@code FILAMENT_SERVER_OWNER_USER_ID}, the creation cap, the audit and IP-ban limits, the trusted proxies. */
    public static GuildSettings settings(ServerConfig config) {
        return new GuildSettings(config.serverOwnerUserId().map(UserId::of), config.maxCreatedGuildsPerUser(),
                config.auditListLimitMax(), config.guildIpBanMaxEntries(),
                InfrastructureNetworks.of(config.trustedProxies()));
    }

    /**
     * @param joinIp {@code directory_join_ip}; @param joinUser {@code directory_join_user}
     * @param observations the login's IP observation recorder (directory join records one too)
     * @param versions the shared per-guild access versions (17.8), or {@link GuildAccessVersions#SINGLE_PROCESS}
     */
    public static GuildModule create(JooqUnitOfWork tx, GuildSettings settings, IdGenerator ids, Clock clock,
                                     GatewayEventPublisher events, EventSerializer payloads,
                                     GuildRevalidation revalidation, VoiceRemovals voice, HandOffFailures failures,
                                     RateLimiter joinIp, RateLimiter joinUser, IpObservationRecorder observations,
                                     BearerAuthenticator auth, JsonBodies bodies, GuildAccessVersions versions) {
        GuildRepository guilds = new JooqGuildRepository(tx);
        ChannelRepository channels = new JooqChannelRepository(tx);
        RoleRepository roles = new JooqRoleRepository(tx);
        MemberRepository members = new JooqMemberRepository(tx);
        BanRepository bans = new JooqBanRepository(tx);
        IpBanRepository ipBans = new JooqIpBanRepository(tx);
        IpObservationQuery ipObservations = new JooqIpObservationQuery(tx);
        AuditLog auditLog = new JooqAuditLog(tx);
        UserDirectory users = new JooqUserDirectory(tx);
        AccessLoader accessLoader = new JooqAccessLoader(tx);

        HandOffs handOffs = new HandOffs(events, payloads, revalidation, voice, failures);
        Audits audits = new Audits(auditLog, ids);
        IpBanMatch ipBanMatch = new IpBanMatch(settings.infrastructure());
        IpBanHitThrottle ipBanHits = new IpBanHitThrottle();
        AccessLadder ladder = new AccessLadder(tx, accessLoader, ipBans, settings, ipBanMatch, ipBanHits, audits,
                handOffs, clock);
        // messages, search, voice and the gateway walk the ladder from the per-guild access cache (issue #11); the
        // guild's own use cases, which change what the ladder reads, keep reading the database
        AccessCache cache = new AccessCache(accessLoader, ipBans, tx.guildChanges(), versions);
        AccessLadder cachedLadder = new AccessLadder(tx, cache.loader(), cache.ipBans(), settings, ipBanMatch,
                ipBanHits, audits, handOffs, clock);
        Memberships memberships = new Memberships(members, roles);
        Removals removals = new Removals(handOffs);
        RoleAssignments assignments = new RoleAssignments(ladder, guilds, members, handOffs);
        IpBanSyncAudience ipBanAudience = new IpBanSyncAudience(roles, settings);

        List<RouteModule> routes = List.of(
                new GuildRoutes(auth, bodies,
                        new CreateGuildService(tx, guilds, users, ids, clock, settings),
                        new ListGuildsService(tx, guilds),
                        new ListPublicGuildsService(tx, guilds),
                        new UpdateGuildService(tx, guilds, ladder, handOffs, clock),
                        new JoinGuildService(tx, guilds, members, bans, memberships, ladder, audits, handOffs, clock,
                                joinIp, joinUser, observations),
                        new ListAuditService(tx, auditLog, accessLoader, ladder, settings)),
                new MemberRoutes(auth, bodies,
                        new AddMemberService(tx, guilds, bans, users, memberships, ladder, handOffs, clock),
                        new KickMemberService(tx, guilds, members, removals, ladder, audits, clock),
                        new BanMemberService(tx, guilds, members, bans, users, removals, ladder, audits, clock),
                        new UnbanService(tx, bans, ladder, audits, clock),
                        new ListMembersService(tx, members, ladder),
                        new UpdateMemberRoleService(tx, guilds, members, roles, ladder, audits, handOffs, clock),
                        new ListBansService(tx, bans, ladder)),
                new RoleRoutes(auth, bodies,
                        new DeleteRoleService(tx, guilds, roles, ladder, audits, handOffs, clock),
                        new AssignRoleService(tx, roles, assignments, audits, clock),
                        new UnassignRoleService(tx, roles, assignments, audits, clock),
                        new ListRolesService(tx, roles, ladder),
                        new CreateRoleService(tx, guilds, roles, ladder, audits, handOffs, ids, clock),
                        new UpdateRoleService(tx, guilds, roles, ladder, audits, handOffs, clock),
                        new ReorderRolesService(tx, guilds, roles, ladder, audits, handOffs, clock),
                        new SetDefaultJoinRoleService(tx, guilds, ladder, audits, clock)),
                new ChannelRoutes(auth, bodies,
                        new CreateChannelService(tx, guilds, channels, ladder, handOffs, ids, clock),
                        new ListChannelsService(tx, channels, ladder),
                        new GetSelfPermissionsService(tx, ladder),
                        new UpsertChannelOverrideService(tx, channels, users, ladder, audits, handOffs, clock)),
                new IpBanRoutes(auth, bodies,
                        new ListIpBansService(tx, ipBans, ladder, clock),
                        new CreateIpBansByUserService(tx, guilds, ipBans, ipObservations, users, ipBanAudience,
                                ladder, audits, handOffs, ids, clock, settings),
                        new DeleteIpBanService(tx, ipBans, ipBanAudience, ladder, audits, handOffs, clock)));
        return new GuildModule(cachedLadder, audits, handOffs, accessLoader, channels, routes);
    }
}
