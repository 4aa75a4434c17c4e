package dev.filament.domain.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address parsed from a bare literal (no port, brackets or zone). IPv4-mapped IPv6 addresses are
 * normalised to IPv4 (SPEC 2.5). Parsing never performs a DNS lookup.
 */
public final class IpAddress {
    private final byte[] bytes;
    private final String text;

    private IpAddress(InetAddress address) {
        this.bytes = address.getAddress();
        this.text = address.getHostAddress();
    }

    /** Parses a bare IPv4 or IPv6 literal; empty for anything else (hostnames, ports, brackets, zones). */
    public static Optional<IpAddress> parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 64) {
            return Optional.empty();
        }
        if (raw.indexOf(':') < 0) {
            return parseIpv4(raw);
        }
        char first = raw.charAt(0);
        if (Character.digit(first, 16) < 0 && first != ':') {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return Optional.empty();
            }
        }
        try {
            // Contains ':' and only hex digits, ':' and '.': the JDK treats it as an IPv6 literal and never resolves it.
            return Optional.of(new IpAddress(InetAddress.getByName(raw)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Wraps an address the transport already resolved (the TCP peer). */
    public static IpAddress of(InetAddress address) {
        if (!(address instanceof Inet4Address) && isMappedV4(address.getAddress())) {
            try {
                return new IpAddress(InetAddress.getByAddress(Arrays.copyOfRange(address.getAddress(), 12, 16)));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return new IpAddress(address);
    }

    private static boolean isMappedV4(byte[] b) {
        if (b.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static Optional<IpAddress> parseIpv4(String raw) {
        String[] parts = raw.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return Optional.empty();
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < '0' || c > '9') {
                    return Optional.empty();
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return Optional.empty();
            }
            out[i] = (byte) v;
        }
        try {
            return Optional.of(new IpAddress(InetAddress.getByAddress(out)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean isV4() {
        return bytes.length == 4;
    }

    public boolean isLoopback() {
        return isV4() ? (bytes[0] == 127) : Arrays.equals(bytes, LOOPBACK_V6);
    }

    private static final byte[] LOOPBACK_V6 = new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    /** The network recorded for observations and bans: the /32 of IPv4, the /64 of IPv6 (SPEC 6.5). */
    public Cidr observationNetwork() {
        return Cidr.of(this, isV4() ? 32 : 64);
    }

    /**
     * The client network every per-IP key names (SPEC 2.6, 2.1): the address itself for IPv4, its /64 prefix for
     * IPv6, since one holder of a /64 controls 2^64 addresses. Limiter keys and connection caps all use this.
     */
    public String networkKey() {
        return isV4() ? text : observationNetwork().toString();
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text;
    }
}
