package dev.filament.domain.guild.role;

import static dev.filament.domain.guild.GuildFixtures.ARTIST;
import static dev.filament.domain.guild.GuildFixtures.EVERYONE;
import static dev.filament.domain.guild.GuildFixtures.GUILD;
import static dev.filament.domain.guild.GuildFixtures.HELPER;
import static dev.filament.domain.guild.GuildFixtures.MEMBER;
import static dev.filament.domain.guild.GuildFixtures.MODERATOR;
import static dev.filament.domain.guild.GuildFixtures.WORKSPACE_OWNER;
import static dev.filament.domain.guild.GuildFixtures.ulid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.id.RoleId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The seeded-role table of SPEC 5.2 and the guarantee that a guild always has all four. */
class SeededRolesTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "EVERYONE, @everyone, everyone, true, 0, 2304",
            "MEMBER, member, member, false, 1, 2304",
            "MODERATOR, moderator, moderator, false, 100, 4090",
            "WORKSPACE_OWNER, workspace_owner, workspace_owner, true, 10000, 4095"})
    void seededRoleMatchesTheSpecTable(SystemRoleKey key, String name, String systemKey, boolean isSystem,
                                       int position, long mask) {
        Role role = Role.seed(key, RoleId.of(ulid(50)), GUILD);

        assertThat(role.name()).isEqualTo(name);
        assertThat(role.systemKey()).contains(key);
        assertThat(key.wire()).isEqualTo(systemKey);
        assertThat(role.isSystem()).isEqualTo(isSystem);
        assertThat(role.position()).isEqualTo(position);
        assertThat(role.permissions().mask()).isEqualTo(mask);
        assertThat(role.colorHex()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SystemRoleKey.class)
    void aGuildMissingAnySeededRoleIsDataCorruption(SystemRoleKey missing) {
        List<Role> roles = new ArrayList<>(List.of(EVERYONE, MEMBER, MODERATOR, WORKSPACE_OWNER, HELPER));
        roles.removeIf(r -> r.is(missing));

        assertThatThrownBy(() -> GuildRoles.of(roles))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.wire());
    }

    @ParameterizedTest
    @EnumSource(SystemRoleKey.class)
    void guildRolesFindsEachSeededRoleByKey(SystemRoleKey key) {
        GuildRoles roles = GuildRoles.of(List.of(ARTIST, EVERYONE, MEMBER, MODERATOR, WORKSPACE_OWNER));

        assertThat(roles.seeded(key).is(key)).isTrue();
        assertThat(roles.find(roles.seeded(key).id())).contains(roles.seeded(key));
        assertThat(roles.count()).isEqualTo(5);
    }
}
