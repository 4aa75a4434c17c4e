package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: user bans (table {@code guild_bans}). Runs inside the caller's transaction. Bans are inserted, and checked
 * before a membership is written, under the guild row lock ({@link GuildRepository#lock}).
 */
public interface BanRepository {

    boolean isBanned(GuildId guild, UserId user);

    /** Inserts the ban unless one exists (an existing row is left unchanged); false when it existed. */
    boolean insertIfAbsent(GuildBan ban);

    /** Deletes the ban; false when there was none. */
    boolean delete(GuildId guild, UserId user);

    /**
     * One page ordered {@code created_at DESC, user_id DESC}, strictly after {@code after} in that order when given,
     * at most {@code limit}.
     */
    List<GuildBan> page(GuildId guild, Optional<TimeCursor> after, int limit);
}
