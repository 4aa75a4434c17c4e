package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase;
import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.guild.port.out.UserDirectory;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.NoEscalationPolicy;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link UpsertChannelOverrideUseCase}; post-commit: the event, then revalidation and voice. */
public final class UpsertChannelOverrideService implements UpsertChannelOverrideUseCase {
    private final UnitOfWork tx;
    private final ChannelRepository channels;
    private final UserDirectory users;
    private final AccessLadder ladder;
    private final Audits audits;
    private final HandOffs handOffs;
    private final Clock clock;

    public UpsertChannelOverrideService(UnitOfWork tx, ChannelRepository channels, UserDirectory users,
                                        AccessLadder ladder, Audits audits, HandOffs handOffs, Clock clock) {
        this.tx = tx;
        this.channels = channels;
        this.users = users;
        this.ladder = ladder;
        this.audits = audits;
        this.handOffs = handOffs;
        this.clock = clock;
    }

    @Override
    public void upsert(UpsertChannelOverrideCommand command) {
        IpBanSurface surface = command.target() instanceof ByLegacyRole
                ? IpBanSurface.GUILD_CHANNEL_OVERRIDES_UPDATE
                : IpBanSurface.GUILD_CHANNEL_PERMISSION_OVERRIDES_UPDATE;
        ladder.screen(command.user(), command.guild(), command.clientIp(), surface);
        Instant now = StoredTime.now(clock);
        ChannelOverride row = tx.inTransaction(() -> {
            GuildAccess guild = ladder.guild(command.user(), command.guild());
            ChannelAccess channel = ladder.channel(guild, command.channel())
                    .require(Permission.MANAGE_CHANNEL_OVERRIDES);
            ChannelOverride override = resolve(guild, command);
            NoEscalationPolicy.overrideAllow(channel.actorInChannel(), override.allow()).orThrow();
            write(command, override, now);
            return override;
        });
        handOffs.publishToGuild(command.guild(), GuildEvent.ChannelPermissionOverrideUpdate.of(command.guild(),
                command.channel(), row, now, command.user()));
        if (command.target() instanceof ByLegacyRole alias) {
            handOffs.publishToGuild(command.guild(), GuildEvent.ChannelRoleOverrideUpdate.of(command.guild(),
                    command.channel(), alias.role(), row, now, command.user()));
        }
        handOffs.revalidate(command.guild());
    }

    /** The row to write: 400 when allow and deny overlap, 404 when the target is no role of G / no user. */
    private ChannelOverride resolve(GuildAccess guild, UpsertChannelOverrideCommand command) {
        return switch (command.target()) {
            case ByLegacyRole alias -> ChannelOverride.forRole(
                    guild.roles().seeded(alias.role().seededRole()).id(), command.allow(), command.deny());
            case ByKind byKind when byKind.kind() == OverrideTargetKind.ROLE -> {
                ChannelOverride o = ChannelOverride.forRole(RoleId.of(byKind.targetId()), command.allow(),
                        command.deny());
                guild.roles().find(RoleId.of(byKind.targetId())).orElseThrow(() -> new NotFoundException("role"));
                yield o;
            }
            case ByKind byKind -> {
                ChannelOverride o = ChannelOverride.forMember(UserId.of(byKind.targetId()), command.allow(),
                        command.deny());
                if (!users.exists(UserId.of(byKind.targetId()))) {
                    throw new NotFoundException("user");
                }
                yield o;
            }
        };
    }

    private void write(UpsertChannelOverrideCommand command, ChannelOverride row, Instant now) {
        if (row.isEmpty()) {
            channels.deleteOverride(command.channel(), row.targetKind(), row.targetId());
        } else {
            channels.upsertOverride(command.guild(), command.channel(), row, now);
        }
        Optional<UserId> target = row.targetKind() == OverrideTargetKind.MEMBER
                ? Optional.of(UserId.of(row.targetId()))
                : Optional.empty();
        audits.write(command.guild(), command.user(), target, AuditAction.CHANNEL_PERMISSION_OVERRIDE_UPDATE,
                now, new AuditDetails.ChannelOverrideUpdated(command.channel().value(), row.targetKind().wire(),
                        row.targetId(), row.allow().toWireList(), row.deny().toWireList()));
    }
}
