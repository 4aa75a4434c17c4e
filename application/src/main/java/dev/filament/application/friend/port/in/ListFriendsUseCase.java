package dev.filament.application.friend.port.in;

import dev.filament.application.friend.port.out.FriendRepository.Friend;
import dev.filament.domain.id.UserId;
import java.util.List;

/** Use case: the caller's friends (SPEC 4.6 {@code GET /friends}), newest friendship first. */
public interface ListFriendsUseCase {

    List<Friend> list(UserId caller);
}
