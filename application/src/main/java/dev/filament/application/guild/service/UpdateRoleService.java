package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.RoleCommand;
import dev.filament.application.guild.port.in.UpdateRoleUseCase;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.RoleEditPolicy;
import dev.filament.domain.guild.role.ColorChange;
import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.RoleName;
import dev.filament.domain.guild.role.RolePatch;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Implements {@link UpdateRoleUseCase} under the guild row lock. */
public final class UpdateRoleService implements UpdateRoleUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final RoleRepository roles;
    private final AccessLadder ladder;
    private final Audits audits;
    private final HandOffs handOffs;
    private final Clock clock;

    public UpdateRoleService(UnitOfWork tx, GuildRepository guilds, RoleRepository roles, AccessLadder ladder,
                             Audits audits, HandOffs handOffs, Clock clock) {
        this.tx = tx;
        this.guilds = guilds;
        this.roles = roles;
        this.ladder = ladder;
        this.audits = audits;
        this.handOffs = handOffs;
        this.clock = clock;
    }

    @Override
    public Role update(UpdateRoleCommand command) {
        RoleCommand t = command.target();
        Instant now = StoredTime.now(clock);
        RolePatch.Result result = tx.inTransaction(() -> {
            GuildAccess access = ladder.guild(t.user(), t.guild()).require(Permission.MANAGE_WORKSPACE_ROLES);
            RolePatch patch = new RolePatch(command.name().map(RoleName::of), command.permissions(),
                    colorChange(command.color()));
            guilds.lock(t.guild()).orElseThrow();
            Role role = access.roles().find(t.role()).orElseThrow(() -> new NotFoundException("role"));
            RoleEditPolicy.canPatch(access.actor(), role, patch).orThrow();
            RolePatch.Result applied = patch.applyTo(role);
            if (!applied.changed().isEmpty()) {
                roles.update(applied.role());
                audit(t, applied, now);
            }
            return applied;
        });
        if (!result.changed().isEmpty()) {
            publish(t, result, now);
        }
        if (result.changed().contains(RolePatch.Aspect.PERMISSIONS)) {
            handOffs.revalidate(t.guild());
        }
        return result.role();
    }

    private static ColorChange colorChange(ColorField field) {
        return switch (field) {
            case Absent a -> ColorChange.KEEP;
            case Cleared c -> ColorChange.CLEAR;
            case Given g -> ColorChange.setTo(ColorHex.of(g.raw()));
        };
    }

    /** In aspect order name, permissions, colour: one row each. */
    private void audit(RoleCommand t, RolePatch.Result r, Instant now) {
        for (RolePatch.Aspect aspect : RolePatch.Aspect.values()) {
            if (!r.changed().contains(aspect)) {
                continue;
            }
            String role = t.role().value();
            AuditDetails details = switch (aspect) {
                case NAME -> new AuditDetails.RoleRenamed(role, r.role().name());
                case PERMISSIONS -> new AuditDetails.RolePermissionsChanged(role, r.role().permissions().toWireList());
                case COLOR -> new AuditDetails.RoleColorChanged(role,
                        r.role().colorHex().map(ColorHex::value).orElse(null));
            };
            audits.write(t.guild(), t.user(), Optional.empty(), AuditAction.forRoleChange(aspect), now, details);
        }
    }

    private void publish(RoleCommand t, RolePatch.Result r, Instant now) {
        GuildEvent.RoleFields fields = new GuildEvent.RoleFields(
                changed(r, RolePatch.Aspect.NAME, () -> r.role().name()),
                changed(r, RolePatch.Aspect.PERMISSIONS, () -> r.role().permissions().toWireList()),
                changed(r, RolePatch.Aspect.COLOR, () -> r.role().colorHex().map(ColorHex::value)));
        handOffs.publishToGuild(t.guild(), new GuildEvent.RoleUpdate(t.guild().value(), t.role().value(), fields,
                now.getEpochSecond(), Optional.of(t.user().value())));
    }

    /** The value when the aspect changed (present in {@code updated_fields}), else empty (key omitted). */
    private static <T> Optional<T> changed(RolePatch.Result r, RolePatch.Aspect aspect, Supplier<T> value) {
        return r.changed().contains(aspect) ? Optional.of(value.get()) : Optional.empty();
    }
}
