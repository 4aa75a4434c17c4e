package dev.filament.domain.guild.ipban;

import dev.filament.domain.net.Cidr;
import dev.filament.domain.net.IpAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Value: the addresses that belong to infrastructure, not users (SPEC 6.5): loopback and the trusted proxy CIDRs of
 * SPEC 2.5. They are never observed, never planned into a ban, and never matched by one, because banning them would
 * lock out every client behind them.
 */
public final class InfrastructureNetworks {
    private static final List<Cidr> LOOPBACK = List.of(
            Cidr.parse("127.0.0.0/8").orElseThrow(), Cidr.parse("::1/128").orElseThrow());

    private final List<Cidr> trustedProxies;

    private InfrastructureNetworks(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** From {@code FILAMENT_TRUSTED_PROXY_CIDRS}; loopback is always included. */
    public static InfrastructureNetworks of(List<Cidr> trustedProxies) {
        return new InfrastructureNetworks(trustedProxies);
    }

    /** True for a loopback address or one inside a trusted proxy CIDR. */
    public boolean contains(IpAddress address) {
        if (address.isLoopback()) {
            return true;
        }
        return trustedProxies.stream().anyMatch(c -> c.contains(address));
    }

    /** True when {@code network} shares any address with loopback or a trusted proxy CIDR. */
    public boolean overlaps(Cidr network) {
        List<Cidr> all = new ArrayList<>(LOOPBACK);
        all.addAll(trustedProxies);
        return all.stream().anyMatch(c -> c.contains(network) || network.contains(c));
    }
}
