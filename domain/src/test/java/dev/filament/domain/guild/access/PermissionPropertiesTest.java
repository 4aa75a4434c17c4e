package dev.filament.domain.guild.access;

import static dev.filament.domain.guild.GuildFixtures.ALICE;
import static dev.filament.domain.guild.GuildFixtures.EVERYONE;
import static dev.filament.domain.guild.GuildFixtures.MEMBER;
import static dev.filament.domain.guild.GuildFixtures.MODERATOR;
import static dev.filament.domain.guild.GuildFixtures.WORKSPACE_OWNER;
import static dev.filament.domain.guild.GuildFixtures.custom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.GuildRoles;
import dev.filament.domain.guild.role.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the permission mask (checked for every mask) and of evaluation without overrides (seeded). */
class PermissionPropertiesTest {

    @Test
    void wireListRoundTripsInAscendingBitOrderWithoutDuplicatesForEveryMask() {
        for (int mask = 0; mask <= 4095; mask++) {
            wireRoundTrip(mask, mask * 31L);
        }
    }

    private static void wireRoundTrip(int mask, long seed) {
        PermissionSet set = new PermissionSet(mask);
        List<String> wire = set.toWireList();

        assertThat(PermissionSet.fromWire(wire)).isEqualTo(set);
        assertThat(wire).doesNotHaveDuplicates().hasSize(Long.bitCount(mask));
        List<Integer> bits = wire.stream().map(n -> Permission.fromWire(n).orElseThrow().bit()).toList();
        assertThat(bits).isSorted();

        List<String> shuffledWithDuplicates = new ArrayList<>(wire);
        shuffledWithDuplicates.addAll(wire);
        Collections.shuffle(shuffledWithDuplicates, new Random(seed));
        assertThat(PermissionSet.fromWire(shuffledWithDuplicates)).isEqualTo(set);
    }

    @Test
    void withoutOverridesEvaluationIsTheOrOfTheRoleMasks() {
        Random random = new Random(20261123);
        for (int run = 0; run < 1_000; run++) {
            List<Integer> masks = new ArrayList<>();
            int count = random.nextInt(17);
            for (int i = 0; i < count; i++) {
                masks.add(random.nextInt(4096));
            }
            orOfRoleMasks(masks, random.nextBoolean());
        }
    }

    private static void orOfRoleMasks(List<Integer> customMasks, boolean moderator) {
        List<Role> guildRoles = new ArrayList<>(List.of(EVERYONE, MEMBER, MODERATOR, WORKSPACE_OWNER));
        List<Role> held = new ArrayList<>();
        long expected = EVERYONE.permissions().mask() | MEMBER.permissions().mask();
        for (int i = 0; i < customMasks.size(); i++) {
            Role r = custom(1000 + i, "r" + i, 1 + i, new PermissionSet(customMasks.get(i)));
            guildRoles.add(r);
            held.add(r);
            expected |= customMasks.get(i);
        }
        if (moderator) {
            held.add(MODERATOR);
            expected |= MODERATOR.permissions().mask();
        }
        AccessContext ctx = AccessContext.member(ALICE, false, GuildRoles.of(guildRoles),
                held.stream().map(Role::id).toList());

        assertThat(PermissionEvaluator.evaluate(ctx).permissions().mask()).isEqualTo(expected);
        assertThat(PermissionEvaluator.evaluate(ctx.inChannel(List.of())).permissions().mask()).isEqualTo(expected);
    }
}
