package dev.filament.domain.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/** An IP network: address bits masked to the prefix. Text form {@code address/prefix}. */
public final class Cidr {
    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    public static Cidr of(IpAddress address, int prefix) {
        byte[] b = address.bytes();
        if (prefix < 0 || prefix > b.length * 8) {
            throw new IllegalArgumentException("prefix out of range: " + prefix);
        }
        return new Cidr(mask(b, prefix), prefix);
    }

    /** Parses {@code addr/prefix} or a bare address (a host network); empty when malformed. */
    public static Optional<Cidr> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim();
        int slash = s.indexOf('/');
        Optional<IpAddress> addr = IpAddress.parse(slash < 0 ? s : s.substring(0, slash));
        if (addr.isEmpty()) {
            return Optional.empty();
        }
        int max = addr.get().isV4() ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                return Optional.empty();
            }
        }
        return Optional.of(of(addr.get(), prefix));
    }

    private static byte[] mask(byte[] b, int prefix) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - bitsHere)));
        }
        return out;
    }

    public boolean contains(IpAddress address) {
        byte[] b = address.bytes();
        return b.length == network.length && Arrays.equals(mask(b, prefix), network);
    }

    /** True when every address of {@code other} is inside this network. */
    public boolean contains(Cidr other) {
        return other.network.length == network.length && other.prefix >= prefix
                && Arrays.equals(mask(other.network, prefix), network);
    }

    public int prefix() {
        return prefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
