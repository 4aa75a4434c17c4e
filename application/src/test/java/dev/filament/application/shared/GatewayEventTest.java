package dev.filament.application.shared;

import dev.filament.application.guild.port.SimpleJsonSerializer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.gateway.port.out.PresenceStatus;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayEventTest {
    private static final GuildId G = GuildId.of("01J00000000000000000000001");
    private static final UserId U1 = UserId.of("01J00000000000000000000002");
    private static final UserId U2 = UserId.of("01J00000000000000000000003");

    @Test
    void typeOutsideTheWireAlphabet_isRejectedNamingTheField() {
        assertThatThrownBy(() -> GatewayEvent.of("Message-Create", GatewayEvent.Scope.guild(G), "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> GatewayEvent.of("x".repeat(65), GatewayEvent.Scope.guild(G), "{}"))
                .hasMessageContaining("type");
    }

    @Test
    void payloadThatIsNotASerializedObject_isRejectedNamingTheField() {
        assertThatThrownBy(() -> GatewayEvent.of("ready", GatewayEvent.Scope.guild(G), "[1]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payloadJson");
        assertThatThrownBy(() -> GatewayEvent.of("ready", GatewayEvent.Scope.guild(G), ""))
                .hasMessageContaining("payloadJson");
    }

    @Test
    void guildAudience_isCopiedAndAdmitsOnlyItsMembers() {
        Set<UserId> audience = new HashSet<>(Set.of(U1));
        GatewayEvent.Scope.Guild scope = (GatewayEvent.Scope.Guild) GatewayEvent.Scope.guildAudience(G, audience);
        audience.add(U2);

        assertThat(scope.admits(U1)).isTrue();
        assertThat(scope.admits(U2)).isFalse();
        assertThat(((GatewayEvent.Scope.Guild) GatewayEvent.Scope.guild(G)).admits(U2)).isTrue();
    }

    @Test
    void presenceUpdate_carriesGuildUserAndStatusToGuildScope() {
        GatewayEvent e = PresenceStatus.OFFLINE.updateEvent(G, U1, new SimpleJsonSerializer());

        assertThat(e.type()).isEqualTo("presence_update");
        assertThat(e.scope()).isEqualTo(GatewayEvent.Scope.guild(G));
        assertThat(e.payloadJson()).isEqualTo("{\"guild_id\":\"" + G.value() + "\",\"user_id\":\"" + U1.value()
                + "\",\"status\":\"offline\"}");
    }
}
