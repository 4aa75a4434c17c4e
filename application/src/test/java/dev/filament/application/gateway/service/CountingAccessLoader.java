package dev.filament.application.gateway.service;

import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double: an {@link AccessLoader} that counts its calls per method (one guild load = one revalidation pass) and
 * can be wedged, so {@link #guild} blocks until {@link #release} (bounded, so a broken test cannot hang the build).
 */
public final class CountingAccessLoader implements AccessLoader {
    private final AccessLoader delegate;
    private final AtomicInteger guildLoads = new AtomicInteger();
    private final AtomicInteger membershipLoads = new AtomicInteger();
    private final AtomicInteger membershipBatches = new AtomicInteger();
    private final AtomicInteger channelLoads = new AtomicInteger();
    private volatile CountDownLatch wedge = new CountDownLatch(0);
    private final CountDownLatch entered = new CountDownLatch(1);

    public CountingAccessLoader(AccessLoader delegate) {
        this.delegate = delegate;
    }

    /** {@code store} with its access loader replaced by this one. */
    public GuildPorts wrap(GuildPorts store) {
        return new GuildPorts(store.unitOfWork(), store.guilds(), store.channels(), store.roles(), store.members(),
                store.bans(), store.ipBans(), store.observations(), store.audit(), store.users(), this);
    }

    @Override
    public Optional<GuildSnapshot> guild(GuildId guild) {
        guildLoads.incrementAndGet();
        entered.countDown();
        try {
            if (!wedge.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("wedged access loader was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while wedged", e);
        }
        return delegate.guild(guild);
    }

    @Override
    public Optional<List<RoleId>> membership(GuildId guild, UserId user) {
        membershipLoads.incrementAndGet();
        return delegate.membership(guild, user);
    }

    @Override
    public Map<UserId, List<RoleId>> memberships(GuildId guild, Collection<UserId> users) {
        membershipBatches.incrementAndGet();
        return delegate.memberships(guild, users);
    }

    @Override
    public Optional<ChannelSnapshot> channel(GuildId guild, ChannelId channel) {
        channelLoads.incrementAndGet();
        return delegate.channel(guild, channel);
    }

    /** From now on {@link #guild} blocks until {@link #release}. */
    public void wedge() {
        wedge = new CountDownLatch(1);
    }

    public void release() {
        wedge.countDown();
    }

    /** Waits until some thread entered {@link #guild}; false on timeout. */
    public boolean awaitEntered(long seconds) throws InterruptedException {
        return entered.await(seconds, TimeUnit.SECONDS);
    }

    public int guildLoads() {
        return guildLoads.get();
    }

    public int membershipLoads() {
        return membershipLoads.get();
    }

    public int membershipBatches() {
        return membershipBatches.get();
    }

    public int channelLoads() {
        return channelLoads.get();
    }
}
