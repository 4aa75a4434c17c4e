package dev.filament.application.friend.port.in;

import dev.filament.application.friend.port.out.FriendRepository.RequestView;
import dev.filament.domain.id.UserId;
import java.util.List;

/** Use case: the caller's pending friend requests (SPEC 4.6 {@code GET /friends/requests}). */
public interface ListFriendRequestsUseCase {

    FriendRequests list(UserId caller);

    /** Both lists ordered {@code created_at} DESC, {@code request_id} DESC. */
    record FriendRequests(List<RequestView> incoming, List<RequestView> outgoing) {
        public FriendRequests {
            incoming = List.copyOf(incoming);
            outgoing = List.copyOf(outgoing);
        }
    }
}
