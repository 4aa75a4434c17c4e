package dev.filament.application.guild.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.UserId;
import org.junit.jupiter.api.Test;

/** Contract every {@link UserDirectory} keeps. */
public abstract class UserDirectoryContract extends GuildPortContractSupport {

    @Test
    void knownUsersExistAndLock_unknownOnesDoNot() {
        UserId u = createUser();
        assertThat(tx(() -> store.users().exists(u))).isTrue();
        assertThat(tx(() -> store.users().lock(u))).isTrue();
        UserId unknown = ids.newUserId();
        assertThat(tx(() -> store.users().exists(unknown))).isFalse();
        assertThat(tx(() -> store.users().lock(unknown))).isFalse();
    }
}
