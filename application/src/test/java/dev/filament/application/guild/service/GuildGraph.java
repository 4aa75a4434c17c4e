package dev.filament.application.guild.service;

import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.guild.port.out.GuildRevalidation;
import dev.filament.application.guild.port.out.HandOffFailures;
import dev.filament.application.guild.port.out.VoiceRemovals;
import dev.filament.application.identity.port.out.IpObservationRecorder;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.guild.ipban.IpBanMatch;
import dev.filament.domain.id.IdGenerator;
import java.time.Clock;
import java.time.Instant;

/**
 * Test fixture: the guild services wired by hand over a {@link GuildPorts} value, as bootstrap's {@code GuildWiring}
 * wires them over the PostgreSQL adapters. Each factory method builds one service with exactly its constructor.
 */
public final class GuildGraph {
    private final GuildPorts store;
    private final GuildSettings settings;
    private final IdGenerator ids;
    private final Clock clock;
    private final HandOffs handOffs;
    private final Audits audits;
    private final AccessLadder ladder;

    public GuildGraph(GuildPorts store, GuildSettings settings, IdGenerator ids, Clock clock, HandOffs handOffs,
                      IpBanHitThrottle throttle) {
        this.store = store;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
        this.handOffs = handOffs;
        this.audits = new Audits(store.audit(), ids);
        this.ladder = new AccessLadder(store.unitOfWork(), store.access(), store.ipBans(), settings,
                new IpBanMatch(settings.infrastructure()), throttle, audits, handOffs, clock);
    }

    /** The graph with its own hand-offs over these ports and a fresh IP-ban hit throttle. */
    public static GuildGraph of(GuildPorts store, GuildSettings settings, IdGenerator ids, Clock clock,
                                GatewayEventPublisher gateway, EventSerializer serializer,
                                GuildRevalidation revalidation, VoiceRemovals voice, HandOffFailures failures) {
        return new GuildGraph(store, settings, ids, clock,
                new HandOffs(gateway, serializer, revalidation, voice, failures), new IpBanHitThrottle());
    }

    public GuildPorts store() {
        return store;
    }

    public UnitOfWork tx() {
        return store.unitOfWork();
    }

    public GuildSettings settings() {
        return settings;
    }

    public IdGenerator ids() {
        return ids;
    }

    public Clock clock() {
        return clock;
    }

    public HandOffs handOffs() {
        return handOffs;
    }

    public Audits audits() {
        return audits;
    }

    public AccessLadder ladder() {
        return ladder;
    }

    public Instant now() {
        return StoredTime.now(clock);
    }

    /** Every use case, with the two directory-join limiters and the login's IP observation recorder. */
    public GuildServices services(RateLimiter joinIpLimiter, RateLimiter joinUserLimiter,
                                  IpObservationRecorder observations) {
        return new GuildServices(createGuild(), listGuilds(), updateGuild(), listPublicGuilds(),
                joinGuild(joinIpLimiter, joinUserLimiter, observations),
                createChannel(), listChannels(), getSelfPermissions(), upsertChannelOverride(),
                listRoles(), createRole(), updateRole(), deleteRole(), reorderRoles(), setDefaultJoinRole(),
                assignRole(), unassignRole(),
                listMembers(), addMember(), updateMemberRole(),
                kickMember(), banMember(), listBans(), unban(),
                listIpBans(), createIpBansByUser(), deleteIpBan(),
                listAudit());
    }

    public Memberships memberships() {
        return new Memberships(store.members(), store.roles());
    }

    public Removals removals() {
        return new Removals(handOffs);
    }

    public RoleAssignments roleAssignments() {
        return new RoleAssignments(ladder, store.guilds(), store.members(), handOffs);
    }

    public IpBanSyncAudience ipBanAudience() {
        return new IpBanSyncAudience(store.roles(), settings);
    }

    public CreateGuildService createGuild() {
        return new CreateGuildService(tx(), store.guilds(), store.users(), ids, clock, settings);
    }

    public ListGuildsService listGuilds() {
        return new ListGuildsService(tx(), store.guilds());
    }

    public UpdateGuildService updateGuild() {
        return new UpdateGuildService(tx(), store.guilds(), ladder, handOffs, clock);
    }

    public ListPublicGuildsService listPublicGuilds() {
        return new ListPublicGuildsService(tx(), store.guilds());
    }

    public JoinGuildService joinGuild(RateLimiter ipLimiter, RateLimiter userLimiter,
                                      IpObservationRecorder observations) {
        return new JoinGuildService(tx(), store.guilds(), store.members(), store.bans(), memberships(), ladder, audits,
                handOffs, clock, ipLimiter, userLimiter, observations);
    }

    public CreateChannelService createChannel() {
        return new CreateChannelService(tx(), store.guilds(), store.channels(), ladder, handOffs, ids, clock);
    }

    public ListChannelsService listChannels() {
        return new ListChannelsService(tx(), store.channels(), ladder);
    }

    public GetSelfPermissionsService getSelfPermissions() {
        return new GetSelfPermissionsService(tx(), ladder);
    }

    public UpsertChannelOverrideService upsertChannelOverride() {
        return new UpsertChannelOverrideService(tx(), store.channels(), store.users(), ladder, audits, handOffs,
                clock);
    }

    public ListRolesService listRoles() {
        return new ListRolesService(tx(), store.roles(), ladder);
    }

    public CreateRoleService createRole() {
        return new CreateRoleService(tx(), store.guilds(), store.roles(), ladder, audits, handOffs, ids, clock);
    }

    public UpdateRoleService updateRole() {
        return new UpdateRoleService(tx(), store.guilds(), store.roles(), ladder, audits, handOffs, clock);
    }

    public DeleteRoleService deleteRole() {
        return new DeleteRoleService(tx(), store.guilds(), store.roles(), ladder, audits, handOffs, clock);
    }

    public ReorderRolesService reorderRoles() {
        return new ReorderRolesService(tx(), store.guilds(), store.roles(), ladder, audits, handOffs, clock);
    }

    public SetDefaultJoinRoleService setDefaultJoinRole() {
        return new SetDefaultJoinRoleService(tx(), store.guilds(), ladder, audits, clock);
    }

    public AssignRoleService assignRole() {
        return new AssignRoleService(tx(), store.roles(), roleAssignments(), audits, clock);
    }

    public UnassignRoleService unassignRole() {
        return new UnassignRoleService(tx(), store.roles(), roleAssignments(), audits, clock);
    }

    public ListMembersService listMembers() {
        return new ListMembersService(tx(), store.members(), ladder);
    }

    public AddMemberService addMember() {
        return new AddMemberService(tx(), store.guilds(), store.bans(), store.users(), memberships(), ladder,
                handOffs, clock);
    }

    public UpdateMemberRoleService updateMemberRole() {
        return new UpdateMemberRoleService(tx(), store.guilds(), store.members(), store.roles(), ladder, audits,
                handOffs, clock);
    }

    public KickMemberService kickMember() {
        return new KickMemberService(tx(), store.guilds(), store.members(), removals(), ladder, audits, clock);
    }

    public BanMemberService banMember() {
        return new BanMemberService(tx(), store.guilds(), store.members(), store.bans(), store.users(), removals(),
                ladder, audits, clock);
    }

    public ListBansService listBans() {
        return new ListBansService(tx(), store.bans(), ladder);
    }

    public UnbanService unban() {
        return new UnbanService(tx(), store.bans(), ladder, audits, clock);
    }

    public ListIpBansService listIpBans() {
        return new ListIpBansService(tx(), store.ipBans(), ladder, clock);
    }

    public CreateIpBansByUserService createIpBansByUser() {
        return new CreateIpBansByUserService(tx(), store.guilds(), store.ipBans(), store.observations(),
                store.users(), ipBanAudience(), ladder, audits, handOffs, ids, clock, settings);
    }

    public DeleteIpBanService deleteIpBan() {
        return new DeleteIpBanService(tx(), store.ipBans(), ipBanAudience(), ladder, audits, handOffs, clock);
    }

    public ListAuditService listAudit() {
        return new ListAuditService(tx(), store.audit(), store.access(), ladder, settings);
    }
}
