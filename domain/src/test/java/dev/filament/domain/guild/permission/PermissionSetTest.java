package dev.filament.domain.guild.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionSetTest {

    @ParameterizedTest(name = "bit {0} = {1}")
    @CsvSource({
            "0, manage_roles", "1, manage_member_roles", "2, manage_workspace_roles", "3, manage_channel_overrides",
            "4, delete_message", "5, ban_member", "6, view_audit_log", "7, manage_ip_bans", "8, create_message",
            "9, publish_video", "10, publish_screen_share", "11, subscribe_streams"})
    void everyPermissionHasItsSpecBitAndWireName(int bit, String wire) {
        Permission p = Permission.fromWire(wire).orElseThrow();

        assertThat(p.bit()).isEqualTo(bit);
        assertThat(p.mask()).isEqualTo(1L << bit);
        assertThat(p.wire()).isEqualTo(wire);
    }

    @Test
    void thereAreExactlyTwelvePermissions() {
        assertThat(Permission.values()).hasSize(12);
        assertThat(Arrays.stream(Permission.values()).mapToInt(Permission::bit)).containsExactly(
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MANAGE_ROLES", "Manage_roles", "manage_roles ", "", "administrator"})
    void fromWireIsExactAndCaseSensitive(String name) {
        assertThat(Permission.fromWire(name)).isEmpty();
        assertThatThrownBy(() -> PermissionSet.fromWire(List.of("create_message", name)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2304, 4090, 4095})
    void masksWithinZeroTo4095AreAccepted(long mask) {
        assertThat(new PermissionSet(mask).mask()).isEqualTo(mask);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 4096, 8192, Long.MIN_VALUE, Long.MAX_VALUE})
    void masksOutsideZeroTo4095AreRejected(long mask) {
        assertThatThrownBy(() -> new PermissionSet(mask)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wireListIsInAscendingBitOrderWithoutDuplicates() {
        PermissionSet set = PermissionSet.fromWire(
                List.of("subscribe_streams", "manage_roles", "create_message", "manage_roles"));

        assertThat(set.mask()).isEqualTo(1 + 256 + 2048);
        assertThat(set.toWireList()).containsExactly("manage_roles", "create_message", "subscribe_streams");
        assertThat(PermissionSet.fromWire(List.of())).isEqualTo(PermissionSet.NONE);
        assertThat(PermissionSet.NONE.toWireList()).isEmpty();
        assertThat(PermissionSet.ALL.toWireList()).hasSize(12).first().isEqualTo("manage_roles");
    }

    @Test
    void setAlgebra() {
        PermissionSet a = PermissionSet.of(Permission.MANAGE_ROLES, Permission.BAN_MEMBER);
        PermissionSet b = PermissionSet.of(Permission.BAN_MEMBER, Permission.CREATE_MESSAGE);

        assertThat(a.union(b)).isEqualTo(
                PermissionSet.of(Permission.MANAGE_ROLES, Permission.BAN_MEMBER, Permission.CREATE_MESSAGE));
        assertThat(a.minus(b)).isEqualTo(PermissionSet.of(Permission.MANAGE_ROLES));
        assertThat(a.intersect(b)).isEqualTo(PermissionSet.of(Permission.BAN_MEMBER));
        assertThat(a.contains(Permission.MANAGE_ROLES)).isTrue();
        assertThat(a.contains(Permission.CREATE_MESSAGE)).isFalse();
        assertThat(a.isWithin(PermissionSet.ALL)).isTrue();
        assertThat(a.isWithin(b)).isFalse();
        assertThat(PermissionSet.NONE.isWithin(PermissionSet.NONE)).isTrue();
        assertThat(PermissionSet.ALL.isWithin(PermissionSet.ALL.minus(PermissionSet.of(Permission.SUBSCRIBE_STREAMS))))
                .isFalse();
    }

    @Test
    void nullWireListIsInvalid() {
        assertThatThrownBy(() -> PermissionSet.fromWire(null)).isInstanceOf(InvalidRequestException.class);
    }
}
