package dev.filament.domain.guild.policy;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.role.GuildRoles;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.policy.Decision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Policy: {@code POST /guilds/{g}/roles/reorder} (SPEC 5.9). */
public final class RoleReorderPolicy {
    public static final int MAX_ENTRIES = 64;

    private RoleReorderPolicy() {
    }

    /** The list itself (400): 1..64 entries, unique, each a role of G. Returns the roles in list order. */
    public static List<Role> requireValidList(List<RoleId> roleIds, GuildRoles roles) {
        if (roleIds == null || roleIds.isEmpty() || roleIds.size() > MAX_ENTRIES) {
            throw new InvalidRequestException("role_ids must hold 1..64 entries");
        }
        if (new HashSet<>(roleIds).size() != roleIds.size()) {
            throw new InvalidRequestException("role_ids must be unique");
        }
        List<Role> out = new ArrayList<>();
        for (RoleId id : roleIds) {
            out.add(roles.find(id).orElseThrow(() -> new InvalidRequestException("role_ids: unknown role " + id)));
        }
        return out;
    }

    /** Each role manageable and not {@code is_system} (403); non-owner: the list length must be < H(actor) (403). */
    public static Decision canReorder(AccessContext actor, List<Role> ordered) {
        for (Role role : ordered) {
            if (role.isSystem()) {
                return RoleManagementPolicy.forbidden("is_system roles cannot be reordered");
            }
            Decision manageable = RoleManagementPolicy.canManage(actor, role);
            if (!manageable.isAllowed()) {
                return manageable;
            }
        }
        if (!actor.isOwner() && ordered.size() >= actor.highestPosition()) {
            return RoleManagementPolicy.forbidden("reorder would place roles at or above the actor");
        }
        return Decision.allow();
    }

    /** New positions: the first id gets the list's length, the last gets 1. */
    public static Map<RoleId, Integer> positions(List<RoleId> roleIds) {
        Map<RoleId, Integer> out = new LinkedHashMap<>();
        int position = roleIds.size();
        for (RoleId id : roleIds) {
            out.put(id, position--);
        }
        return out;
    }
}
