package dev.filament.application.guild.service;

import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Throttle of the {@code moderation.ip_ban.hit} audit (SPEC 6.6): at most one write per (guild, user, surface) per
 * 60 s in this process. Bounded like the limiters of SPEC 2.6 (least recently used key evicted first); an evicted key
 * may be written again early, which only costs one extra audit row. Thread-safe; a short lock, never held across a
 * wait.
 */
public final class IpBanHitThrottle {
    public static final Duration WINDOW = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private final LinkedHashMap<Key, Instant> lastWrite;

    public IpBanHitThrottle() {
        this(DEFAULT_MAX_KEYS);
    }

    public IpBanHitThrottle(int maxKeys) {
        this.lastWrite = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Instant> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** True (and remembers {@code now}) when no write for the key happened in the last 60 s. */
    public boolean tryAcquire(GuildId guild, UserId user, IpBanSurface surface, Instant now) {
        Key key = new Key(guild, user, surface);
        synchronized (lastWrite) {
            Instant last = lastWrite.get(key);
            if (last != null && now.isBefore(last.plus(WINDOW))) {
                return false;
            }
            lastWrite.put(key, now);
            return true;
        }
    }

    public int size() {
        synchronized (lastWrite) {
            return lastWrite.size();
        }
    }

    private record Key(GuildId guild, UserId user, IpBanSurface surface) {
    }
}
