package dev.filament.application.guild.service;

import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.guild.port.in.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.guild.port.out.InMemoryGuildDatabase;
import dev.filament.application.guild.port.out.RecordingHandOffPorts;
import dev.filament.application.guild.port.out.RecordingUnitOfWork;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.Visibility;
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
    public final InMemoryGuildDatabase db = new InMemoryGuildDatabase();
    public final RecordingUnitOfWork unitOfWork = new RecordingUnitOfWork().enlist(db);
    public final GuildPorts store = db.store(unitOfWork);
    public final TestIds ids = new TestIds();
    public final RecordingHandOffPorts handOffs = new RecordingHandOffPorts(unitOfWork::inTransaction);
    public final IpBanHitThrottle throttle = new IpBanHitThrottle();
    public final GuildSettings settings;
    public final GuildGraph graph;

    public GuildFixture() {
        this(GuildSettings.defaults());
    }

    public GuildFixture(GuildSettings settings) {
        this.settings = settings;
        HandOffs h = new HandOffs(handOffs, new SimpleJsonSerializer(), handOffs, handOffs, handOffs);
        this.graph = new GuildGraph(store, settings, ids, clock, h, throttle);
    }

    /** Every use case wired as bootstrap would, over this fixture's fakes. */
    public GuildServices useCases(dev.filament.application.shared.RateLimiter ipLimiter,
                                  dev.filament.application.shared.RateLimiter userLimiter,
                                  dev.filament.application.identity.port.out.IpObservationRecorder observations) {
        GuildGraph wired = GuildGraph.of(store, settings, ids, clock, handOffs, new SimpleJsonSerializer(),
                handOffs, handOffs, handOffs);
        return wired.services(ipLimiter, userLimiter, observations);
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
        return graph.createGuild().create(new CreateGuildCommand(owner, "guild " + owner.value().substring(20),
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
