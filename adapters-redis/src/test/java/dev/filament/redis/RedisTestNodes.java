package dev.filament.redis;

import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.shared.testing.RedisServer;
import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;

/** A throw-away redis-server and the {@link RedisAccess} of up to a few nodes on it, for one test class. */
public final class RedisTestNodes implements AutoCloseable {
    private final RedisServer server;
    private final List<RedisAccess> nodes = new ArrayList<>();

    private RedisTestNodes(RedisServer server) {
        this.server = server;
    }

    public static RedisTestNodes start(int count) throws Exception {
        RedisTestNodes nodes = new RedisTestNodes(RedisServer.start());
        for (int i = 0; i < count; i++) {
            nodes.nodes.add(RedisAccess.start(RedisURI.create(nodes.server.url()), "node-" + i + ".01TEST" + i,
                    ClusterTelemetry.NONE));
        }
        return nodes;
    }

    public RedisAccess node(int index) {
        return nodes.get(index);
    }

    public RedisServer server() {
        return server;
    }

    @Override
    public void close() throws Exception {
        nodes.forEach(RedisAccess::close);
        server.close();
    }
}
