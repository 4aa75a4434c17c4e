package dev.filament.redis.presence;

import dev.filament.redis.RedisAccess;
import dev.filament.redis.RedisBound;
import io.lettuce.core.ScriptOutputType;
import java.util.Optional;

/**
 * SPEC 17.6's presence keys and their one-script changes: {@code filament:presence:g:{G}} (hash user -> number of
 * instances where the user is online in G) and {@code filament:presence:i:{instance}} (set of {@code G:U} held).
 */
final class PresenceScripts {
    // local online: SADD and, if added, HINCRBY +1 (returns the count); -1 when the instance already held it
    static final String ONLINE = """
            if redis.call('SADD', KEYS[2], ARGV[2]) == 1 then return redis.call('HINCRBY', KEYS[1], ARGV[1], 1) end
            return -1
            """;
    // local offline: SREM and, if removed, HINCRBY -1, the field deleted at 0; -1 when the instance did not hold it
    static final String OFFLINE = """
            if redis.call('SREM', KEYS[2], ARGV[2]) == 1 then
              local n = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
              if n <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) return 0 end
              return n
            end
            return -1
            """;

    private final RedisAccess access;

    PresenceScripts(RedisAccess access) {
        this.access = access;
    }

    static String guildKey(String guild) {
        return "filament:presence:g:{" + guild + "}";
    }

    static String instanceKey(String instance) {
        return "filament:presence:i:{" + instance + "}";
    }

    /** The script's result within {@code bound}: the new count, or -1 when nothing changed; empty without Redis. */
    Optional<Long> apply(RedisBound bound, boolean online, String instance, String guild, String user) {
        String[] keys = {guildKey(guild), instanceKey(instance)};
        return access.call(bound, "presence", c -> c.<Long>eval(online ? ONLINE : OFFLINE, ScriptOutputType.INTEGER,
                keys, user, guild + ":" + user));
    }
}
