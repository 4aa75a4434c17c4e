package dev.filament.domain.friend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.id.FriendRequestId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FriendCapsTest {
    private static final UserId A = new UserId("01HZZZZZZZZZZZZZZZZZZZZZZA");
    private static final UserId B = new UserId("01HZZZZZZZZZZZZZZZZZZZZZZB");

    @Test
    void capsAreExclusiveUpperBounds() {
        assertThat(FriendCaps.requestFits(99, 99, 499, 499)).isTrue();
        assertThat(FriendCaps.requestFits(100, 0, 0, 0)).isFalse();
        assertThat(FriendCaps.requestFits(0, 100, 0, 0)).isFalse();
        assertThat(FriendCaps.requestFits(0, 0, 500, 0)).isFalse();
        assertThat(FriendCaps.friendshipFits(499, 500)).isFalse();
        assertThat(FriendCaps.friendshipFits(499, 499)).isTrue();
    }

    @Test
    void requestKnowsItsPartiesAndRefusesSelf() {
        FriendRequest r = new FriendRequest(new FriendRequestId("01HZZZZZZZZZZZZZZZZZZZZZZC"), A, B, Instant.EPOCH);
        assertThat(r.involves(A)).isTrue();
        assertThat(r.other(A)).isEqualTo(B);
        assertThat(r.other(B)).isEqualTo(A);
        assertThatThrownBy(() -> new FriendRequest(r.id(), A, A, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
