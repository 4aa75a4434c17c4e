package dev.filament.domain.guild.role;

import static dev.filament.domain.guild.GuildFixtures.EVERYONE;
import static dev.filament.domain.guild.GuildFixtures.HELPER;
import static dev.filament.domain.guild.GuildFixtures.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Role PATCH (SPEC 5.9): at least one key, tri-state colour, one audit aspect per actual change. */
class RolePatchTest {
    private static final Role RED_HELPER = HELPER.withColor(Optional.of(ColorHex.of("#FF0000")));

    @Test
    void aPatchWithNoKeyIsInvalid() {
        assertThatThrownBy(() -> new RolePatch(Optional.empty(), Optional.empty(), ColorChange.KEEP))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void clearingTheColourAloneIsAValidPatch_andChangesOnlyTheColour() {
        RolePatch.Result result = new RolePatch(Optional.empty(), Optional.empty(), ColorChange.CLEAR)
                .applyTo(RED_HELPER);

        assertThat(result.role().colorHex()).isEmpty();
        assertThat(result.role().name()).isEqualTo(RED_HELPER.name());
        assertThat(result.changed()).containsExactly(RolePatch.Aspect.COLOR);
    }

    @Test
    void keepLeavesTheColourWhileOtherAspectsChange() {
        RolePatch.Result result = new RolePatch(Optional.of(RoleName.of(" medic ")),
                Optional.of(PermissionSet.of(Permission.CREATE_MESSAGE)), ColorChange.KEEP).applyTo(RED_HELPER);

        assertThat(result.role().name()).isEqualTo("medic");
        assertThat(result.role().permissions()).isEqualTo(PermissionSet.of(Permission.CREATE_MESSAGE));
        assertThat(result.role().colorHex()).contains(ColorHex.of("#FF0000"));
        assertThat(result.changed()).containsExactlyInAnyOrder(RolePatch.Aspect.NAME, RolePatch.Aspect.PERMISSIONS);
    }

    @Test
    void valuesEqualToTheCurrentOnesAreNotChanges() {
        RolePatch.Result result = new RolePatch(Optional.of(RoleName.of(RED_HELPER.name())),
                Optional.of(RED_HELPER.permissions()), ColorChange.setTo(ColorHex.of("#ff0000"))).applyTo(RED_HELPER);

        assertThat(result.changed()).isEmpty();
        assertThat(result.role()).isEqualTo(RED_HELPER);
    }

    @Test
    void renamingAnIsSystemRoleIs400_butMemberAndModeratorMayBeRenamed() {
        RolePatch rename = new RolePatch(Optional.of(RoleName.of("all")), Optional.empty(), ColorChange.KEEP);

        assertThatThrownBy(() -> rename.applyTo(EVERYONE)).isInstanceOf(InvalidRequestException.class);
        assertThat(rename.applyTo(MODERATOR).role().name()).isEqualTo("all");
        assertThat(rename.applyTo(MODERATOR).role().systemKey()).contains(SystemRoleKey.MODERATOR);
    }
}
