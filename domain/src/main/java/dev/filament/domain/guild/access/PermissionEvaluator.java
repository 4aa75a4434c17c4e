package dev.filament.domain.guild.access;

import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import java.util.List;

/** Permission evaluation of SPEC 5.4, steps 1-7, for one user in one guild and optionally one channel. */
public final class PermissionEvaluator {

    private PermissionEvaluator() {
    }

    /**
     * Evaluates the context: at guild level when it has no channel overrides, else at channel level.
     *
     * @throws ForbiddenException (403 {@code forbidden}) when the user is neither server owner nor member
     * @throws IllegalStateException when R lacks {@code @everyone} or {@code member} (data corruption, 500)
     */
    public static EffectivePermissions evaluate(AccessContext ctx) {
        if (ctx.isServerOwner()) {                                                      // step 1
            return new EffectivePermissions(PermissionSet.ALL, LegacyRole.OWNER);
        }
        if (!ctx.isMember()) {                                                          // step 2
            throw ForbiddenException.because("not a member of the guild");
        }
        Role everyone = requireSeeded(ctx, SystemRoleKey.EVERYONE);
        requireSeeded(ctx, SystemRoleKey.MEMBER);
        if (ctx.holds(SystemRoleKey.WORKSPACE_OWNER)) {                                 // step 3
            return new EffectivePermissions(PermissionSet.ALL, LegacyRole.OWNER);
        }
        PermissionSet mask = guildMask(ctx.effectiveRoles());                           // step 4
        if (ctx.channelOverrides().isPresent()) {                                       // step 5 / 6
            mask = applyChannelLayers(mask, ctx, everyone, ctx.channelOverrides().get());
        }
        return new EffectivePermissions(mask, ctx.legacyRole());                        // step 7
    }

    private static PermissionSet guildMask(List<Role> roles) {
        PermissionSet mask = PermissionSet.NONE;
        for (Role r : roles) {
            mask = mask.union(r.permissions());
        }
        return mask;
    }

    /** Layers in order everyone -> roles -> member; a later layer can undo an earlier one. */
    private static PermissionSet applyChannelLayers(PermissionSet mask, AccessContext ctx, Role everyone,
                                                    List<ChannelOverride> rows) {
        for (ChannelOverride row : rows) {
            if (row.targets(everyone.id())) {
                mask = OverrideLayer.of(row).applyTo(mask);
            }
        }
        mask = rolesLayer(ctx, everyone, rows).applyTo(mask);
        for (ChannelOverride row : rows) {
            if (row.targets(ctx.user())) {
                mask = OverrideLayer.of(row).applyTo(mask);
            }
        }
        return mask;
    }

    /** Union of allows and union of denies over rows targeting roles in R other than {@code @everyone}. */
    private static OverrideLayer rolesLayer(AccessContext ctx, Role everyone, List<ChannelOverride> rows) {
        PermissionSet allow = PermissionSet.NONE;
        PermissionSet deny = PermissionSet.NONE;
        for (Role role : ctx.effectiveRoles()) {
            if (role.id().equals(everyone.id())) {
                continue;
            }
            for (ChannelOverride row : rows) {
                if (row.targets(role.id())) {
                    allow = allow.union(row.allow());
                    deny = deny.union(row.deny());
                }
            }
        }
        return new OverrideLayer(allow, deny);
    }

    private static Role requireSeeded(AccessContext ctx, SystemRoleKey key) {
        return ctx.effectiveRoles().stream()
                .filter(r -> r.is(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "effective roles of " + ctx.user() + " lack the seeded role " + key.wire()));
    }
}
