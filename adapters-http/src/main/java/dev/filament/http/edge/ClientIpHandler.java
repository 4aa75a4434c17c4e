package dev.filament.http.edge;

import dev.filament.domain.net.ClientIpResolver;
import dev.filament.domain.net.IpAddress;
import dev.filament.http.RequestAttributes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;

/** Edge step 2: resolve the client IP from the TCP peer and, only behind a trusted proxy, its forwarding headers. */
public final class ClientIpHandler implements Handler {
    private final ClientIpResolver resolver;

    public ClientIpHandler(ClientIpResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void handle(Context ctx) {
        IpAddress peer = peer(ctx.req().getRemoteAddr());
        List<String> cf = Collections.list(ctx.req().getHeaders("CF-Connecting-IP"));
        List<String> xff = Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
        RequestAttributes.setClientIp(ctx, resolver.resolve(peer, cf, xff));
    }

    /** True for a peer inside the trusted proxy CIDRs (SPEC 2.5), exempt from the per-peer connection cap. */
    public boolean isTrustedPeer(IpAddress peer) {
        return resolver.isTrusted(peer);
    }

    static IpAddress peer(String remoteAddr) {
        String s = remoteAddr.startsWith("[") && remoteAddr.endsWith("]")
                ? remoteAddr.substring(1, remoteAddr.length() - 1) : remoteAddr;
        return IpAddress.parse(s).orElseGet(() -> {
            try {
                // The servlet container reports a numeric address; this never resolves a name.
                return IpAddress.of(InetAddress.getByName(s));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("unparsable peer address", e);
            }
        });
    }
}
