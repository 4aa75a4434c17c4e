package dev.filament.application.guild.service;

import dev.filament.application.shared.Page;
import dev.filament.application.guild.port.in.ListMembersUseCase;
import dev.filament.application.guild.port.out.MemberRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.MemberEntry;

/** Implements {@link ListMembersUseCase}: {@code G}, then one page read. */
public final class ListMembersService implements ListMembersUseCase {
    private final UnitOfWork tx;
    private final MemberRepository members;
    private final AccessLadder ladder;

    public ListMembersService(UnitOfWork tx, MemberRepository members, AccessLadder ladder) {
        this.tx = tx;
        this.members = members;
        this.ladder = ladder;
    }

    @Override
    public Page<MemberEntry> list(ListMembersQuery query) {
        return tx.inTransaction(() -> {
            ladder.guild(query.user(), query.guild());
            return Page.of(members.page(query.guild(), query.after(), query.limit()), query.limit(),
                    m -> m.user().value());
        });
    }
}
