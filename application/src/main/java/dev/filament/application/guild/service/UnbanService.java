package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.UnbanUseCase;
import dev.filament.application.guild.port.out.BanRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.permission.Permission;
import java.time.Clock;
import java.util.Optional;

/** Implements {@link UnbanUseCase}. */
public final class UnbanService implements UnbanUseCase {
    private final UnitOfWork tx;
    private final BanRepository bans;
    private final AccessLadder ladder;
    private final Audits audits;
    private final Clock clock;

    public UnbanService(UnitOfWork tx, BanRepository bans, AccessLadder ladder, Audits audits, Clock clock) {
        this.tx = tx;
        this.bans = bans;
        this.ladder = ladder;
        this.audits = audits;
        this.clock = clock;
    }

    @Override
    public void unban(MemberCommand c) {
        tx.run(() -> {
            ladder.guild(c.user(), c.guild()).require(Permission.BAN_MEMBER);
            if (!bans.delete(c.guild(), c.target())) {
                throw new NotFoundException("ban");
            }
            audits.write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.MEMBER_UNBAN, StoredTime.now(clock),
                    new AuditDetails.None());
        });
    }
}
