package dev.filament.application.wire;

import java.util.List;
import java.util.Optional;

/**
 * The events of SPEC 9.5 addressed by user rather than by guild or channel: the profile events (scope
 * {@code observers(U)}) and the friend events (user scope of both parties, SPEC 4.6). Friend events always carry
 * {@code actor_user_id} (the caller).
 */
public sealed interface UserEvent extends ServerEvent {

    /** {@code profile_update} {@code {user_id, updated_fields, updated_at_unix}}. */
    record ProfileUpdate(String userId, ProfileFields updatedFields, long updatedAtUnix) implements UserEvent {
        public static final String TYPE = "profile_update";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * {@code updated_fields} of {@code profile_update}: only the changed keys, at least one; {@code about_markdown} and
     * {@code about_markdown_tokens} together or not at all.
     */
    record ProfileFields(Optional<String> username, Optional<String> aboutMarkdown,
                         Optional<List<TokenShape>> aboutMarkdownTokens) {
        public ProfileFields {
            if (aboutMarkdown.isPresent() != aboutMarkdownTokens.isPresent()) {
                throw new IllegalArgumentException("about_markdown and its tokens go together");
            }
        }

        public boolean changesNothing() {
            return username.isEmpty() && aboutMarkdown.isEmpty();
        }
    }

    /** {@code profile_avatar_update} {@code {user_id, avatar_version, updated_at_unix}}. */
    record ProfileAvatarUpdate(String userId, long avatarVersion, long updatedAtUnix) implements UserEvent {
        public static final String TYPE = "profile_avatar_update";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code profile_banner_update} {@code {user_id, banner_version, updated_at_unix}}. */
    record ProfileBannerUpdate(String userId, long bannerVersion, long updatedAtUnix) implements UserEvent {
        public static final String TYPE = "profile_banner_update";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code friend_request_create}: the same payload to sender and recipient. */
    record FriendRequestCreate(String requestId, String senderUserId, String senderUsername, String recipientUserId,
                               String recipientUsername, long createdAtUnix, String actorUserId) implements UserEvent {
        public static final String TYPE = "friend_request_create";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code friend_request_update}: each party its own view ({@code user_id} = the receiving party). */
    record FriendRequestUpdate(String requestId, String state, String userId, String friendUserId,
                               String friendUsername, long friendshipCreatedAtUnix, long updatedAtUnix,
                               String actorUserId) implements UserEvent {
        public static final String TYPE = "friend_request_update";
        public static final String ACCEPTED = "accepted";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code friend_request_delete}: the same payload to both parties. */
    record FriendRequestDelete(String requestId, long deletedAtUnix, String actorUserId) implements UserEvent {
        public static final String TYPE = "friend_request_delete";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code friend_remove}: each party its own view ({@code user_id} = the receiving party). */
    record FriendRemove(String userId, String friendUserId, long removedAtUnix, String actorUserId)
            implements UserEvent {
        public static final String TYPE = "friend_remove";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
