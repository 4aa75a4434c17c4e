package dev.filament.domain.guild;

import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Objects;

/** One row of the member list: {@code {user_id, role_ids}} with the explicit assignments sorted ascending. */
public record MemberEntry(UserId user, List<RoleId> roleIds) {
    public MemberEntry {
        Objects.requireNonNull(user, "user");
        roleIds = roleIds.stream().sorted().toList();
    }
}
