package dev.filament.application.guild;

import dev.filament.application.fakes.MutableClock;
import dev.filament.application.guild.access.AccessLadder;
import dev.filament.application.guild.access.IpBanHitThrottle;
import dev.filament.application.guild.fakes.HandOffRecorder;
import dev.filament.application.guild.fakes.InMemoryGuildDatabase;
import dev.filament.application.guild.fakes.SimpleJsonSerializer;
import dev.filament.application.guild.fakes.TrackingUnitOfWork;
import dev.filament.application.guild.guilds.CreateGuildService;
import dev.filament.application.guild.guilds.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.handoff.HandOffs;
import dev.filament.application.guild.port.Channel;
import dev.filament.application.guild.port.Guild;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.ipban.IpBanMatch;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.CustomPosition;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.RoleName;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.net.IpAddress;
import java.time.Instant;
import java.util.Optional;

/** The guild use cases' collaborators wired by hand over in-memory fakes and a pinned clock, plus setup helpers. */
public final class GuildFixture {
    public static final ClientIp IP = ip("203.0.113.7");

    public final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    public final TrackingUnitOfWork unitOfWork = new TrackingUnitOfWork();
    public final InMemoryGuildDatabase db = new InMemoryGuildDatabase();
    public final GuildStore store = db.store(unitOfWork);
    public final TestIds ids = new TestIds();
    public final HandOffRecorder handOffs = new HandOffRecorder(unitOfWork::inTransaction);
    public final IpBanHitThrottle throttle = new IpBanHitThrottle();
    public final GuildSettings settings;
    public final GuildKit kit;

    public GuildFixture() {
        this(GuildSettings.defaults());
    }

    public GuildFixture(GuildSettings settings) {
        this.settings = settings;
        HandOffs h = new HandOffs(handOffs, new SimpleJsonSerializer(), handOffs, handOffs, handOffs);
        Audits audits = new Audits(store.audit(), ids);
        AccessLadder ladder = new AccessLadder(store, settings, new IpBanMatch(settings.infrastructure()), throttle,
                audits, h, clock);
        this.kit = new GuildKit(store, ladder, audits, h, ids, clock, settings);
    }

    /** Every use case wired as bootstrap would, over this fixture's fakes. */
    public GuildUseCases useCases(dev.filament.application.ratelimit.RateLimiter ipLimiter,
                                  dev.filament.application.ratelimit.RateLimiter userLimiter,
                                  dev.filament.application.identity.port.out.IpObservationRecorder observations) {
        GuildKit wired = GuildUseCases.kit(store, settings, ids, clock, handOffs, new SimpleJsonSerializer(),
                handOffs, handOffs, handOffs);
        return GuildUseCases.create(wired, ipLimiter, userLimiter, observations);
    }

    public static ClientIp ip(String address) {
        return new ClientIp(IpAddress.parse(address).orElseThrow(), ClientIp.Source.PEER);
    }

    public UserId newUser() {
        UserId user = ids.newUserId();
        db.addUser(user);
        return user;
    }

    /** A guild created through the use case by a fresh owner. */
    public Guild newGuild(UserId owner, Visibility visibility) {
        return new CreateGuildService(kit).create(new CreateGuildCommand(owner, "guild " + owner.value().substring(20),
                Optional.of(visibility)));
    }

    public Guild newGuild(UserId owner) {
        return newGuild(owner, Visibility.PRIVATE);
    }

    /** A fresh user made a member of {@code guild}, holding the given seeded roles explicitly. */
    public UserId newMember(GuildId guild, SystemRoleKey... roles) {
        UserId user = newUser();
        store.tx(() -> store.members().insertIfAbsent(guild, user, clock.instant()));
        for (SystemRoleKey key : roles) {
            assign(guild, seeded(guild, key), user);
        }
        return user;
    }

    public void assign(GuildId guild, Role role, UserId user) {
        store.tx(() -> store.roles().assign(guild, role.id(), user, clock.instant()));
    }

    public Role seeded(GuildId guild, SystemRoleKey key) {
        return store.tx(() -> store.roles().listOf(guild)).stream().filter(r -> r.is(key)).findFirst().orElseThrow();
    }

    /** A custom role written directly (no use case), for hierarchy set-ups. */
    public Role customRole(GuildId guild, int position, Permission... permissions) {
        Role role = Role.createCustom(ids.newRoleId(), guild, RoleName.of("r" + position + ids.next().substring(22)),
                CustomPosition.of(position), PermissionSet.of(permissions), Optional.empty());
        store.tx(() -> {
            store.roles().insert(role, clock.instant());
            return null;
        });
        return role;
    }

    /** A member holding one custom role with these permissions at this position. */
    public UserId memberWith(GuildId guild, int position, Permission... permissions) {
        UserId user = newMember(guild);
        assign(guild, customRole(guild, position, permissions), user);
        return user;
    }

    public Channel newChannel(GuildId guild) {
        Channel channel = new Channel(ids.newChannelId(), guild, ChannelName.of("c" + ids.next().substring(20)),
                ChannelKind.TEXT, clock.instant());
        store.tx(() -> {
            store.channels().insert(channel);
            return null;
        });
        return channel;
    }
}
