package dev.filament.application.guild.service;

import dev.filament.application.guild.Page;
import dev.filament.application.guild.port.in.ListMembersUseCase;
import dev.filament.domain.guild.MemberEntry;

/** Implements {@link ListMembersUseCase}: {@code G}, then one page read. */
public final class ListMembersService implements ListMembersUseCase {
    private final GuildKit kit;

    public ListMembersService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public Page<MemberEntry> list(ListMembersQuery query) {
        return kit.store().tx(() -> {
            kit.ladder().guild(query.user(), query.guild());
            return Page.of(kit.store().members().page(query.guild(), query.after(), query.limit()), query.limit(),
                    m -> m.user().value());
        });
    }
}
