package dev.filament.redis;

import dev.filament.application.guild.port.out.GuildAccessVersions;
import dev.filament.domain.id.GuildId;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * SPEC 17.8's per-guild access version in {@code filament:gv:{G}}: read with {@code INCRBY 0} (a missing key reads
 * as 0 and an answer is always a number), bumped with {@code INCR} after each permission-affecting commit. Both on
 * the request path (50 ms); an unanswered read makes the caller read the database instead of its cache.
 */
public final class RedisGuildVersions implements GuildAccessVersions {
    private final RedisAccess access;

    public RedisGuildVersions(RedisAccess access) {
        this.access = access;
    }

    private static String key(GuildId guild) {
        return "filament:gv:{" + guild.value() + "}";
    }

    @Override
    public OptionalLong current(GuildId guild) {
        Optional<Long> v = access.call(RedisBound.REQUEST, "other", c -> c.incrby(key(guild), 0));
        return v.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public void bump(GuildId guild) {
        access.call(RedisBound.REQUEST, "other", c -> c.incr(key(guild)));
    }
}
