package dev.filament.application.search.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.search.port.in.RebuildSearchUseCase.GuildSearchCommand;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import java.util.function.Supplier;

/** Rebuild and reconcile ladder (SPEC 10.3): {@code G}, {@code IP(surface)}, {@code GP(manage_workspace_roles)}. */
final class GuildSearchAccess {
    private GuildSearchAccess() {
    }

    /** Screens the caller, then runs {@code work} after {@code GP(manage_workspace_roles)} in one transaction. */
    static <T> T inTransaction(AccessLadder ladder, UnitOfWork unitOfWork, GuildSearchCommand command,
                               IpBanSurface surface, Supplier<T> work) {
        ladder.screen(command.user(), command.guild(), command.clientIp(), surface);
        return unitOfWork.inTransaction(() -> {
            ladder.guild(command.user(), command.guild()).require(Permission.MANAGE_WORKSPACE_ROLES);
            return work.get();
        });
    }
}
