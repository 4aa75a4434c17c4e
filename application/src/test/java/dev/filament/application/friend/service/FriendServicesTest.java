package dev.filament.application.friend.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.friend.port.in.AcceptFriendRequestUseCase.AcceptFriendRequestCommand;
import dev.filament.application.friend.port.in.DeleteFriendRequestUseCase.DeleteFriendRequestCommand;
import dev.filament.application.friend.port.in.ListFriendRequestsUseCase.FriendRequests;
import dev.filament.application.friend.port.in.RemoveFriendUseCase.RemoveFriendCommand;
import dev.filament.application.friend.port.in.SendFriendRequestUseCase.SendFriendRequestCommand;
import dev.filament.application.friend.port.out.FriendRepository.Friend;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.wire.UserEvent;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.friend.FriendCaps;
import dev.filament.domain.friend.FriendRequest;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FriendServicesTest {
    private final FriendFixture f = new FriendFixture();
    private final UserId alice = f.user("alice");
    private final UserId bob = f.user("bob");

    private FriendRequest send(UserId from, UserId to) {
        return f.send.send(new SendFriendRequestCommand(from, to.value()));
    }

    private List<GatewayEvent.Scope> scopes() {
        return f.gateway.events().stream().map(GatewayEvent::scope).toList();
    }

    @Test
    void sendStoresTheRequestAndTellsBothParties() {
        FriendRequest r = send(alice, bob);
        assertThat(r.sender()).isEqualTo(alice);
        assertThat(r.createdAt()).isEqualTo(f.clock.instant());
        assertThat(scopes()).containsExactly(GatewayEvent.Scope.user(alice), GatewayEvent.Scope.user(bob));
        assertThat(f.payloads.lastEvent()).isEqualTo(new UserEvent.FriendRequestCreate(r.id().value(),
                alice.value(), "alice", bob.value(), "bob", r.createdAt().getEpochSecond(), alice.value()));
        FriendRequests forBob = f.requests.list(bob);
        assertThat(forBob.incoming()).singleElement().satisfies(v -> {
            assertThat(v.request()).isEqualTo(r);
            assertThat(v.senderName()).isEqualTo(new Username("alice"));
        });
        assertThat(forBob.outgoing()).isEmpty();
        assertThat(f.requests.list(alice).outgoing()).hasSize(1);
    }

    @Test
    void sendRejectsSelfUnknownDuplicateReverseAndFriendsWith400() {
        assertThatThrownBy(() -> send(alice, alice)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> send(alice, f.ids.newUserId())).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> f.send.send(new SendFriendRequestCommand(alice, "nope")))
                .isInstanceOf(InvalidRequestException.class);
        FriendRequest r = send(alice, bob);
        assertThatThrownBy(() -> send(alice, bob)).as("repeat").isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> send(bob, alice)).as("reverse").isInstanceOf(InvalidRequestException.class);
        f.accept.accept(new AcceptFriendRequestCommand(bob, r.id()));
        assertThatThrownBy(() -> send(bob, alice)).as("friends").isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void outgoingCapIsAQuotaConflict() {
        for (int i = 0; i < FriendCaps.MAX_OUTGOING; i++) {
            send(alice, f.user("u" + i + "x"));
        }
        UserId extra = f.user("extra");
        assertThatThrownBy(() -> send(alice, extra)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("quota_exceeded"));
        assertThat(f.requests.list(extra).incoming()).isEmpty();
    }

    @Test
    void incomingCapIsAQuotaConflict() {
        for (int i = 0; i < FriendCaps.MAX_INCOMING; i++) {
            send(f.user("u" + i + "x"), bob);
        }
        assertThatThrownBy(() -> send(alice, bob)).isInstanceOf(ConflictException.class);
    }

    @Test
    void friendCapBlocksRequestAndAccept() {
        FriendRequest pending = send(bob, alice);
        for (int i = 0; i < FriendCaps.MAX_FRIENDS; i++) {
            f.friends.insertFriendship(alice, f.user("f" + i + "x"), Instant.EPOCH);
        }
        UserId carol = f.user("carol");
        assertThatThrownBy(() -> send(carol, alice)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.accept.accept(new AcceptFriendRequestCommand(alice, pending.id())))
                .isInstanceOf(ConflictException.class);
        assertThat(f.requests.list(alice).incoming()).as("rolled back: still pending").hasSize(1);
    }

    @Test
    void acceptMakesFriendsSendsEachItsOwnViewAndIsNotRepeatable() {
        FriendRequest r = send(alice, bob);
        f.gateway.clear();
        f.clock.advance(java.time.Duration.ofSeconds(5));
        assertThatThrownBy(() -> f.accept.accept(new AcceptFriendRequestCommand(alice, r.id())))
                .as("the sender cannot accept").isInstanceOf(NotFoundException.class);
        f.accept.accept(new AcceptFriendRequestCommand(bob, r.id()));
        long now = f.clock.instant().getEpochSecond();
        assertThat(f.payloads.payloads().subList(f.payloads.payloads().size() - 2, f.payloads.payloads().size()))
                .extracting(p -> p.get("user_id") + ">" + p.get("friend_user_id") + ":" + p.get("friend_username"))
                .containsExactly(bob + ">" + alice + ":alice", alice + ">" + bob + ":bob");
        assertThat(scopes()).containsExactly(GatewayEvent.Scope.user(bob), GatewayEvent.Scope.user(alice));
        UserEvent.FriendRequestUpdate last = (UserEvent.FriendRequestUpdate) f.payloads.lastEvent();
        assertThat(last.friendshipCreatedAtUnix()).isEqualTo(now).isEqualTo(last.updatedAtUnix());
        assertThat(last.actorUserId()).isEqualTo(bob.value());
        assertThat(f.list.list(alice)).containsExactly(new Friend(bob, new Username("bob"), f.clock.instant()));
        assertThat(f.requests.list(bob).incoming()).isEmpty();
        assertThatThrownBy(() -> f.accept.accept(new AcceptFriendRequestCommand(bob, r.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteByEitherPartyTellsBothAndStrangersGet404() {
        FriendRequest r = send(alice, bob);
        UserId carol = f.user("carol");
        assertThatThrownBy(() -> f.delete.delete(new DeleteFriendRequestCommand(carol, r.id())))
                .isInstanceOf(NotFoundException.class);
        f.gateway.clear();
        f.delete.delete(new DeleteFriendRequestCommand(bob, r.id()));
        assertThat(scopes()).containsExactly(GatewayEvent.Scope.user(alice), GatewayEvent.Scope.user(bob));
        assertThat(f.payloads.lastEvent()).isEqualTo(new UserEvent.FriendRequestDelete(r.id().value(),
                f.clock.instant().getEpochSecond(), bob.value()));
        assertThatThrownBy(() -> f.delete.delete(new DeleteFriendRequestCommand(alice, r.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void removeIsIdempotentAndOnlyAnActualRemovalPublishes() {
        FriendRequest r = send(alice, bob);
        f.accept.accept(new AcceptFriendRequestCommand(bob, r.id()));
        f.gateway.clear();
        f.remove.remove(new RemoveFriendCommand(alice, bob));
        assertThat(f.list.list(bob)).isEmpty();
        assertThat(f.payloads.payloads().subList(f.payloads.payloads().size() - 2, f.payloads.payloads().size()))
                .extracting(p -> p.get("user_id") + ">" + p.get("friend_user_id"))
                .containsExactly(alice + ">" + bob, bob + ">" + alice);
        f.gateway.clear();
        f.remove.remove(new RemoveFriendCommand(alice, bob));
        f.remove.remove(new RemoveFriendCommand(alice, f.ids.newUserId()));
        assertThat(f.gateway.events()).isEmpty();
        assertThatThrownBy(() -> f.remove.remove(new RemoveFriendCommand(alice, alice)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void friendsAreListedNewestFirstThenByUserId() {
        UserId carol = f.user("carol");
        f.accept.accept(new AcceptFriendRequestCommand(bob, send(alice, bob).id()));
        f.clock.advance(java.time.Duration.ofSeconds(1));
        f.accept.accept(new AcceptFriendRequestCommand(carol, send(alice, carol).id()));
        assertThat(f.list.list(alice)).extracting(Friend::userId).containsExactly(carol, bob);
    }
}
