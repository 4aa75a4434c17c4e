package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.UnbanUseCase;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.permission.Permission;
import java.util.Optional;

/** Implements {@link UnbanUseCase}. */
public final class UnbanService implements UnbanUseCase {
    private final GuildKit kit;

    public UnbanService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public void unban(MemberCommand c) {
        kit.store().unitOfWork().run(() -> {
            kit.ladder().guild(c.user(), c.guild()).require(Permission.BAN_MEMBER);
            if (!kit.store().bans().delete(c.guild(), c.target())) {
                throw new NotFoundException("ban");
            }
            kit.audits().write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.MEMBER_UNBAN, kit.now());
        });
    }
}
