package dev.filament.application.guild.service;

import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.port.out.AuditLog;
import dev.filament.application.guild.port.out.BanRepository;
import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.IpBanRepository;
import dev.filament.application.guild.port.out.IpObservationQuery;
import dev.filament.application.guild.port.out.MemberRepository;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.application.guild.port.out.UserDirectory;
import dev.filament.application.port.out.UnitOfWork;
import java.util.Objects;

/** The guild feature's persistence ports and the unit of work they join, handed to services as one value. */
public record GuildStore(UnitOfWork unitOfWork, GuildRepository guilds, ChannelRepository channels,
                         RoleRepository roles, MemberRepository members, BanRepository bans,
                         IpBanRepository ipBans, IpObservationQuery observations, AuditLog audit,
                         UserDirectory users, AccessLoader access) {
    public GuildStore {
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
