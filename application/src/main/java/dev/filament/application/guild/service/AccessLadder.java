package dev.filament.application.guild.service;

import dev.filament.application.guild.port.out.AccessLoader.GuildSnapshot;
import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.port.out.IpBanRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.IpBanMatch;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The access ladder of SPEC 5.5 after {@code AUTH}: {@code G}, {@code IP(surface)}, {@code C}; {@code GP}/{@code CP}
 * are on {@link GuildAccess} and {@link ChannelAccess}. {@link #guild} and {@link #channel} run inside the caller's
 * transaction; {@link #screen} runs its own, because an IP-ban hit writes its audit in a separate transaction.
 */
public final class AccessLadder {
    private final UnitOfWork tx;
    private final AccessLoader access;
    private final IpBanRepository ipBans;
    private final GuildSettings settings;
    private final IpBanMatch ipBanMatch;
    private final IpBanHitThrottle throttle;
    private final Audits audits;
    private final HandOffs handOffs;
    private final Clock clock;

    public AccessLadder(UnitOfWork tx, AccessLoader access, IpBanRepository ipBans, GuildSettings settings,
                        IpBanMatch ipBanMatch, IpBanHitThrottle throttle, Audits audits, HandOffs handOffs,
                        Clock clock) {
        this.tx = tx;
        this.access = access;
        this.ipBans = ipBans;
        this.settings = settings;
        this.ipBanMatch = ipBanMatch;
        this.throttle = throttle;
        this.audits = audits;
        this.handOffs = handOffs;
        this.clock = clock;
    }

    /** Step {@code G}: 404 when the guild does not exist; 403 unless the caller is server owner or a member. */
    public GuildAccess guild(UserId user, GuildId guild) {
        GuildSnapshot snapshot = access.guild(guild).orElseThrow(() -> new NotFoundException("guild"));
        AccessContext actor = contextOf(snapshot, user);
        if (!actor.isServerOwner() && !actor.isMember()) {
            throw ForbiddenException.because("not a member of the guild");
        }
        return new GuildAccess(snapshot, actor);
    }

    /** The guild-level context of any user of the guild (a moderation target, say); never throws for non-members. */
    public AccessContext contextOf(GuildSnapshot guild, UserId user) {
        return contextOf(guild, user, access.membership(guild.guild().id(), user));
    }

    /** {@link #contextOf(GuildSnapshot, UserId)} from a membership already loaded (empty: not a member). */
    public AccessContext contextOf(GuildSnapshot guild, UserId user, Optional<List<RoleId>> membership) {
        boolean serverOwner = settings.isServerOwner(user);
        return membership.map(assigned -> AccessContext.member(user, serverOwner, guild.roles(), assigned))
                .orElseGet(() -> AccessContext.nonMember(user, serverOwner));
    }

    /** Step {@code C}: 404 unless the channel exists in the guild. */
    public ChannelAccess channel(GuildAccess guild, ChannelId channel) {
        var snapshot = access.channel(guild.guild().id(), channel)
                .orElseThrow(() -> new NotFoundException("channel"));
        return new ChannelAccess(guild, snapshot.channel(), guild.actor().inChannel(snapshot.overrides()));
    }

    /**
     * Steps {@code G} then {@code IP(surface)} as a read of their own (no transaction: no common snapshot is needed, and
     * a cached ladder answers without the database); call it before the route's own transaction. A hit writes {@code moderation.ip_ban.hit} (actor = target = caller) in another transaction, at
     * most once per (guild, user, surface) per 60 s, and throws 403 {@code forbidden} whether or not that write works.
     */
    public void screen(UserId user, GuildId guild, ClientIp clientIp, IpBanSurface surface) {
        Instant now = clock.instant();
        boolean hit = tx.read(() -> {
            guild(user, guild);
            return isIpBanned(guild, clientIp, now);
        });
        if (hit) {
            if (throttle.tryAcquire(guild, user, surface, now)) {
                handOffs.guarded("audit.ip_ban_hit", () -> tx.run(() -> audits.write(guild, user,
                        Optional.of(user), AuditAction.MODERATION_IP_BAN_HIT, now,
                        new AuditDetails.IpBanHit(surface.wire(), clientIp.source().wireName()))));
            }
            throw ForbiddenException.because("client address is banned in the guild");
        }
    }

    /** Whether the client address is inside an active IP ban of the guild; runs in the caller's transaction. */
    public boolean isIpBanned(GuildId guild, ClientIp clientIp, Instant now) {
        return ipBanMatch.isBanned(ipBans.activeContaining(guild, clientIp.address(), now),
                clientIp.address(), now);
    }
}
