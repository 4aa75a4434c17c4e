package dev.filament.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of test classes that run two nodes' Redis access on one throw-away redis-server for the whole class. */
public abstract class RedisNodesTest {
    protected static RedisTestNodes redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisTestNodes.start(2);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }
}
