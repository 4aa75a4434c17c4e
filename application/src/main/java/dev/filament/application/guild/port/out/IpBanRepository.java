package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.net.IpAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: IP bans of guilds (table {@code guild_ip_bans}). Runs inside the caller's transaction; inserts are made
 * while the caller holds the guild row lock so the cap holds. "Active at now" means {@code expires_at} null or after
 * {@code now}.
 */
public interface IpBanRepository {

    /** Every active ban of the guild, no order. */
    List<IpBan> active(GuildId guild, Instant now);

    /** The active bans of the guild whose network contains {@code address} (index-backed). */
    List<IpBan> activeContaining(GuildId guild, IpAddress address, Instant now);

    /**
     * One page of active bans ordered {@code created_at DESC, ban_id DESC}, strictly after {@code after} when given,
     * at most {@code limit}.
     */
    List<IpBan> activePage(GuildId guild, Instant now, Optional<TimeCursor> after, int limit);

    void insertAll(List<IpBan> bans);

    /** A ban of the guild, active or expired. */
    Optional<IpBan> find(GuildId guild, IpBanId id);

    /** Deletes a ban of the guild; false when there was none. */
    boolean delete(GuildId guild, IpBanId id);
}
