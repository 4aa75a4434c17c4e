package dev.filament.application.friend.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.friend.port.out.FriendRepository.Friend;
import dev.filament.application.friend.port.out.FriendRepository.RequestView;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.friend.FriendRequest;
import dev.filament.domain.id.FriendRequestId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link FriendRepository} keeps. Subclasses supply the repository, its unit of work and a way to
 * create users; the tests use fresh users, so they run against a shared, non-empty database.
 */
public abstract class FriendRepositoryContract {
    protected static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private final TestIds ids = new TestIds();
    private FriendRepository friends;
    private UnitOfWork unitOfWork;

    protected abstract FriendRepository createRepository();

    protected abstract UnitOfWork unitOfWork();

    /** Stores a new user called {@code name} and returns its id. */
    protected abstract UserId newUser(String name);

    @BeforeEach
    void setUpContract() {
        friends = createRepository();
        unitOfWork = unitOfWork();
    }

    private <T> T tx(Supplier<T> work) {
        return unitOfWork.inTransaction(work);
    }

    private FriendRequest request(UserId from, UserId to, Instant at) {
        return new FriendRequest(ids.newFriendRequestId(), from, to, at);
    }

    @Test
    void lockUsersReturnsTheNamesOfTheUsersThatExist() {
        String name = TestIds.uniqueUsername();
        UserId a = newUser(name);
        UserId unknown = ids.newUserId();
        assertThat(tx(() -> friends.lockUsers(a, unknown))).containsExactlyEntriesOf(
                java.util.Map.of(a, new Username(name)));
    }

    @Test
    void oneRequestPerUnorderedPairAndCountsPerDirection() {
        UserId a = newUser(TestIds.uniqueUsername());
        UserId b = newUser(TestIds.uniqueUsername());
        FriendRequest first = request(a, b, T0);
        assertThat(tx(() -> friends.insertRequest(first))).isTrue();
        assertThat(tx(() -> friends.insertRequest(request(a, b, T0)))).as("repeat").isFalse();
        assertThat(tx(() -> friends.insertRequest(request(b, a, T0)))).as("reverse").isFalse();
        assertThat(tx(() -> friends.pendingBetween(b, a))).isTrue();
        assertThat(tx(() -> friends.countOutgoing(a))).isEqualTo(1);
        assertThat(tx(() -> friends.countIncoming(b))).isEqualTo(1);
        assertThat(tx(() -> friends.countIncoming(a))).isZero();
        assertThat(tx(() -> friends.lockRequest(first.id()))).contains(first);
        tx(() -> {
            friends.deleteRequest(first.id());
            return null;
        });
        assertThat(tx(() -> friends.lockRequest(first.id()))).isEmpty();
        assertThat(tx(() -> friends.pendingBetween(a, b))).isFalse();
        assertThat(tx(() -> friends.lockRequest(new FriendRequestId(ids.next())))).isEmpty();
    }

    @Test
    void requestListsCarryCurrentNamesNewestFirst() {
        String aName = TestIds.uniqueUsername();
        UserId a = newUser(aName);
        UserId b = newUser(TestIds.uniqueUsername());
        UserId c = newUser(TestIds.uniqueUsername());
        FriendRequest older = request(b, a, T0);
        FriendRequest newer = request(c, a, T0.plusSeconds(1));
        FriendRequest out = request(a, newUser(TestIds.uniqueUsername()), T0);
        tx(() -> friends.insertRequest(older) && friends.insertRequest(newer) && friends.insertRequest(out));
        List<RequestView> incoming = tx(() -> friends.incoming(a));
        assertThat(incoming).extracting(RequestView::request).containsExactly(newer, older);
        assertThat(incoming.getFirst().recipientName()).isEqualTo(new Username(aName));
        assertThat(tx(() -> friends.outgoing(a))).extracting(RequestView::request).containsExactly(out);
    }

    @Test
    void friendshipIsOneUnorderedPairKeepingItsFirstTime() {
        UserId a = newUser(TestIds.uniqueUsername());
        UserId b = newUser(TestIds.uniqueUsername());
        assertThat(tx(() -> friends.insertFriendship(b, a, T0))).isEqualTo(T0);
        assertThat(tx(() -> friends.insertFriendship(a, b, T0.plusSeconds(9)))).as("existing stays").isEqualTo(T0);
        assertThat(tx(() -> friends.areFriends(a, b))).isTrue();
        assertThat(tx(() -> friends.countFriends(a))).isEqualTo(1);
        assertThat(tx(() -> friends.countFriends(b))).isEqualTo(1);
        assertThat(tx(() -> friends.deleteFriendship(b, a))).isTrue();
        assertThat(tx(() -> friends.deleteFriendship(a, b))).isFalse();
        assertThat(tx(() -> friends.areFriends(a, b))).isFalse();
    }

    @Test
    void friendsAreListedNewestFirstThenByUserIdWithCurrentNames() {
        UserId me = newUser(TestIds.uniqueUsername());
        String bName = TestIds.uniqueUsername();
        UserId b = newUser(bName);
        UserId c = newUser(TestIds.uniqueUsername());
        UserId d = newUser(TestIds.uniqueUsername());
        tx(() -> {
            friends.insertFriendship(me, b, T0);
            friends.insertFriendship(d, me, T0.plusSeconds(5));
            friends.insertFriendship(me, c, T0.plusSeconds(5));
            return null;
        });
        List<Friend> list = tx(() -> friends.friendsOf(me));
        assertThat(list).extracting(Friend::userId).containsExactly(c, d, b);
        assertThat(list.getLast()).isEqualTo(new Friend(b, new Username(bName), T0));
        assertThat(tx(() -> friends.friendsOf(b))).extracting(Friend::userId).containsExactly(me);
    }
}
