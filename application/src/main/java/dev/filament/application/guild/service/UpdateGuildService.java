package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.UpdateGuildUseCase;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildName;
import dev.filament.domain.guild.permission.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link UpdateGuildUseCase}: {@code G}, {@code GP(manage_roles)}, then the update under the guild lock. */
public final class UpdateGuildService implements UpdateGuildUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final AccessLadder ladder;
    private final HandOffs handOffs;
    private final Clock clock;

    public UpdateGuildService(UnitOfWork tx, GuildRepository guilds, AccessLadder ladder, HandOffs handOffs,
                              Clock clock) {
        this.tx = tx;
        this.guilds = guilds;
        this.ladder = ladder;
        this.handOffs = handOffs;
        this.clock = clock;
    }

    @Override
    public Guild update(UpdateGuildCommand command) {
        Instant now = StoredTime.now(clock);
        Outcome outcome = tx.inTransaction(() -> {
            ladder.guild(command.user(), command.guild()).require(Permission.MANAGE_ROLES);
            Optional<GuildName> name = command.name().map(GuildName::of);
            Guild before = guilds.lock(command.guild()).orElseThrow();
            Guild after = before;
            Optional<String> changedName = Optional.empty();
            Optional<String> changedVisibility = Optional.empty();
            if (name.isPresent() && !name.get().equals(before.name())) {
                after = after.withName(name.get());
                changedName = Optional.of(name.get().value());
            }
            if (command.visibility().isPresent() && command.visibility().get() != before.visibility()) {
                after = after.withVisibility(command.visibility().get());
                changedVisibility = Optional.of(after.visibility().wire());
            }
            if (!after.equals(before)) {
                guilds.update(after);
            }
            return new Outcome(after, new GuildEvent.GuildFields(changedName, changedVisibility));
        });
        if (outcome.changed().name().isPresent() || outcome.changed().visibility().isPresent()) {
            handOffs.publishToGuild(command.guild(), new GuildEvent.WorkspaceUpdate(command.guild().value(),
                    outcome.changed(), now.getEpochSecond(), Optional.of(command.user().value())));
        }
        return outcome.guild();
    }

    private record Outcome(Guild guild, GuildEvent.GuildFields changed) {
    }
}
