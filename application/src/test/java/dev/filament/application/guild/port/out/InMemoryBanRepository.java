package dev.filament.application.guild.port.out;

import dev.filament.application.guild.port.out.InMemoryGuildDatabase.BanKey;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Optional;

/** Fake {@link BanRepository} over an {@link InMemoryGuildDatabase}. */
public final class InMemoryBanRepository implements BanRepository {
    private final InMemoryGuildDatabase db;

    public InMemoryBanRepository(InMemoryGuildDatabase db) {
        this.db = db;
    }

    @Override
    public boolean isBanned(GuildId guild, UserId user) {
        synchronized (db) {
            return db.bans.containsKey(new BanKey(guild, user));
        }
    }

    @Override
    public boolean insertIfAbsent(GuildBan ban) {
        synchronized (db) {
            return db.bans.putIfAbsent(new BanKey(ban.guildId(), ban.user()), ban) == null;
        }
    }

    @Override
    public boolean delete(GuildId guild, UserId user) {
        synchronized (db) {
            return db.bans.remove(new BanKey(guild, user)) != null;
        }
    }

    @Override
    public List<GuildBan> page(GuildId guild, Optional<TimeCursor> after, int limit) {
        synchronized (db) {
            return TimeDesc.page(db.bans.values().stream().filter(b -> b.guildId().equals(guild)),
                    GuildBan::createdAt, b -> b.user().value(), after, limit);
        }
    }
}
