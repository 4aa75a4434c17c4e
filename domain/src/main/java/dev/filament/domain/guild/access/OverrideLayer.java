package dev.filament.domain.guild.access;

import dev.filament.domain.guild.permission.PermissionSet;

/**
 * One layer of channel evaluation (SPEC 5.4 step 6). Inside a layer a denial beats a grant ({@code A' = A & ~D});
 * applying it to a mask first removes the denials, then adds the surviving grants ({@code M = (M & ~D) | A'}).
 */
record OverrideLayer(PermissionSet allow, PermissionSet deny) {

    static OverrideLayer of(ChannelOverride row) {
        return new OverrideLayer(row.allow(), row.deny());
    }

    PermissionSet applyTo(PermissionSet mask) {
        PermissionSet effectiveAllow = allow.minus(deny);
        return mask.minus(deny).union(effectiveAllow);
    }
}
