package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.GUILD_IP_BANS;

import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.net.IpAddress;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Maps {@code guild_ip_bans} rows and builds the network expressions. The generated code types {@code cidr} columns
 * as text, so values are bound with an explicit cast and containment is written with PostgreSQL's inet operators,
 * which the GiST index {@code (ip_network inet_ops)} serves.
 */
final class IpBanRows {
    private IpBanRows() {
    }

    /** A bind value for a {@code cidr} column. */
    static Field<String> cidr(Cidr network) {
        return DSL.field("cast({0} as cidr)", String.class, DSL.val(network.toString()));
    }

    /** {@code column >>= address}: the network in {@code column} contains (or equals) {@code address}. */
    static Condition contains(Field<String> column, IpAddress address) {
        return DSL.condition("{0} >>= cast({1} as inet)", column, DSL.val(address.toString()));
    }

    static Cidr network(String stored) {
        return Cidr.parse(stored).orElseThrow(() -> new IllegalStateException("unparsable stored network"));
    }

    static IpBan toIpBan(Record r) {
        return new IpBan(new IpBanId(r.get(GUILD_IP_BANS.BAN_ID)), new GuildId(r.get(GUILD_IP_BANS.GUILD_ID)),
                network(r.get(GUILD_IP_BANS.IP_NETWORK)),
                Optional.ofNullable(r.get(GUILD_IP_BANS.SOURCE_USER_ID)).map(UserId::new),
                r.get(GUILD_IP_BANS.REASON), new UserId(r.get(GUILD_IP_BANS.CREATED_BY_USER_ID)),
                Timestamps.instant(r.get(GUILD_IP_BANS.CREATED_AT)),
                Optional.ofNullable(Timestamps.instant(r.get(GUILD_IP_BANS.EXPIRES_AT))));
    }
}
