package dev.filament.postgres.guild;

import dev.filament.domain.id.RoleId;
import java.util.Arrays;
import java.util.List;

/** Maps a {@code text[]} of role ids (an aggregated column) to domain ids, ascending. */
final class RoleIds {
    private RoleIds() {
    }

    static List<RoleId> of(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).map(RoleId::new).sorted().toList();
    }
}
