package dev.filament.application.guild.port.out;

import dev.filament.application.shared.port.out.UnitOfWork;
import java.util.Objects;

/** Test fixture: the guild feature's persistence ports and the unit of work they join, as one value for set-ups. */
public record GuildPorts(UnitOfWork unitOfWork, GuildRepository guilds, ChannelRepository channels,
                         RoleRepository roles, MemberRepository members, BanRepository bans,
                         IpBanRepository ipBans, IpObservationQuery observations, AuditLog audit,
                         UserDirectory users, AccessLoader access) {
    public GuildPorts {
        Objects.requireNonNull(unitOfWork, "unitOfWork");
        Objects.requireNonNull(guilds, "guilds");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(bans, "bans");
        Objects.requireNonNull(ipBans, "ipBans");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(access, "access");
    }

    public <T> T tx(java.util.function.Supplier<T> work) {
        return unitOfWork.inTransaction(work);
    }
}
