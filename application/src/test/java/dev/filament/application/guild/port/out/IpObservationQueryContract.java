package dev.filament.application.guild.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.IpAddress;
import org.junit.jupiter.api.Test;

/** Contract every {@link IpObservationQuery} keeps. */
public abstract class IpObservationQueryContract extends GuildPortContractSupport {

    private void seen(UserId user, String address, long atSecond) {
        recordObservation(IpObservation.seen(user, IpAddress.parse(address).orElseThrow(), T0.plusSeconds(atSecond)));
    }

    @Test
    void observationsComeNewestFirstPerUserAndLimited() {
        UserId u = createUser();
        seen(u, "192.0.2.1", 1);
        seen(u, "2001:db8:5:6::1", 3);
        seen(u, "192.0.2.2", 2);
        seen(createUser(), "192.0.2.3", 9);
        assertThat(tx(() -> store.observations().newestFirst(u, 10))).extracting(o -> o.network().toString())
                .containsExactly("2001:db8:5:6:0:0:0:0/64", "192.0.2.2/32", "192.0.2.1/32");
        assertThat(tx(() -> store.observations().newestFirst(u, 1))).hasSize(1);
        assertThat(tx(() -> store.observations().newestFirst(createUser(), 10))).isEmpty();
    }

    @Test
    void aRepeatedObservationKeepsFirstSeenAndMovesLastSeen() {
        UserId u = createUser();
        seen(u, "192.0.2.1", 1);
        seen(u, "192.0.2.1", 7);
        assertThat(tx(() -> store.observations().newestFirst(u, 10))).singleElement().satisfies(o -> {
            assertThat(o.firstSeenAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(o.lastSeenAt()).isEqualTo(T0.plusSeconds(7));
        });
    }
}
