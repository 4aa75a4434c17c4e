package dev.filament.domain.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy: who is the client? Forwarding headers count only when the TCP peer is a trusted proxy; CF-Connecting-IP
 * wins over X-Forwarded-For, which is walked right to left skipping trusted hops (SPEC 2.5). Never fails.
 */
public final class ClientIpResolver {
    static final int MAX_ENTRY_CHARS = 64;
    static final int MAX_XFF_CHARS = 512;

    private final List<Cidr> trusted;

    public ClientIpResolver(List<Cidr> trustedProxies) {
        this.trusted = List.copyOf(trustedProxies);
    }

    public boolean isTrusted(IpAddress address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param peer the TCP peer address
     * @param cfConnectingIp every {@code CF-Connecting-IP} header instance, in order
     * @param xForwardedFor every {@code X-Forwarded-For} header instance, in order
     */
    public ClientIp resolve(IpAddress peer, List<String> cfConnectingIp, List<String> xForwardedFor) {
        if (!isTrusted(peer)) {
            return new ClientIp(peer, ClientIp.Source.PEER);
        }
        if (cfConnectingIp.size() == 1) {
            Optional<IpAddress> cf = bareLiteral(cfConnectingIp.get(0).trim());
            if (cf.isPresent()) {
                return new ClientIp(cf.get(), ClientIp.Source.FORWARDED);
            }
        }
        return fromForwardedFor(xForwardedFor)
                .map(ip -> new ClientIp(ip, ClientIp.Source.FORWARDED))
                .orElseGet(() -> new ClientIp(peer, ClientIp.Source.PEER));
    }

    private Optional<IpAddress> fromForwardedFor(List<String> headers) {
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join(",", headers);
        if (joined.length() > MAX_XFF_CHARS) {
            return Optional.empty();
        }
        List<IpAddress> hops = new ArrayList<>();
        for (String entry : joined.split(",", -1)) {
            Optional<IpAddress> ip = bareLiteral(entry.trim());
            if (ip.isEmpty()) {
                return Optional.empty();
            }
            hops.add(ip.get());
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i))) {
                return Optional.of(hops.get(i));
            }
        }
        return Optional.of(hops.get(0));
    }

    private static Optional<IpAddress> bareLiteral(String value) {
        if (value.isEmpty() || value.length() > MAX_ENTRY_CHARS) {
            return Optional.empty();
        }
        return IpAddress.parse(value);
    }
}
