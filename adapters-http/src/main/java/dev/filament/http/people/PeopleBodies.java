package dev.filament.http.people;

import dev.filament.application.friend.port.in.ListFriendRequestsUseCase.FriendRequests;
import dev.filament.application.friend.port.out.FriendRepository.Friend;
import dev.filament.application.friend.port.out.FriendRepository.RequestView;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.wire.TokenShape;
import dev.filament.domain.friend.FriendRequest;
import dev.filament.domain.identity.UserProfile;
import java.util.List;

/** The response bodies of SPEC 4.5 and 4.6, serialized by the shared JSON setup (snake_case, component order). */
public final class PeopleBodies {
    private PeopleBodies() {
    }

    /** {@code UserProfile}: {@code {user_id, username, about_markdown, about_markdown_tokens, avatar_version, banner_version}}. */
    public record Profile(String userId, String username, String aboutMarkdown, List<TokenShape> aboutMarkdownTokens,
                          long avatarVersion, long bannerVersion) {
        public static Profile of(UserProfile p, MarkdownTokenizer markdown) {
            return new Profile(p.userId().value(), p.username().value(), p.about().value(),
                    TokenShape.list(markdown.tokenize(p.about().value())), p.avatarVersion(), p.bannerVersion());
        }
    }

    /** {@code {friends: [Friend]}}. */
    record Friends(List<FriendShape> friends) {
        static Friends of(List<Friend> list) {
            return new Friends(list.stream().map(f -> new FriendShape(f.userId().value(), f.username().value(),
                    f.createdAt().getEpochSecond())).toList());
        }
    }

    /** {@code Friend} = {@code {user_id, username, created_at_unix}}. */
    record FriendShape(String userId, String username, long createdAtUnix) {
    }

    /** {@code {incoming: [FriendRequest], outgoing: [FriendRequest]}}. */
    record Requests(List<RequestShape> incoming, List<RequestShape> outgoing) {
        static Requests of(FriendRequests r) {
            return new Requests(r.incoming().stream().map(RequestShape::of).toList(),
                    r.outgoing().stream().map(RequestShape::of).toList());
        }
    }

    /** {@code FriendRequest} with both parties' current names. */
    record RequestShape(String requestId, String senderUserId, String senderUsername, String recipientUserId,
                        String recipientUsername, long createdAtUnix) {
        static RequestShape of(RequestView v) {
            FriendRequest r = v.request();
            return new RequestShape(r.id().value(), r.sender().value(), v.senderName().value(),
                    r.recipient().value(), v.recipientName().value(), r.createdAt().getEpochSecond());
        }
    }

    /** {@code POST /friends/requests}: {@code {request_id, sender_user_id, recipient_user_id, created_at_unix}}. */
    record Created(String requestId, String senderUserId, String recipientUserId, long createdAtUnix) {
        static Created of(FriendRequest r) {
            return new Created(r.id().value(), r.sender().value(), r.recipient().value(),
                    r.createdAt().getEpochSecond());
        }
    }
}
