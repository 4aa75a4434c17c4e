package dev.filament.domain.friend;

/**
 * The fixed caps of SPEC 4.6 (they keep each list response under the web client's 65536-byte limit): 500 friends per
 * user, 100 pending outgoing and 100 pending incoming requests per user.
 */
public final class FriendCaps {
    public static final int MAX_FRIENDS = 500;
    public static final int MAX_OUTGOING = 100;
    public static final int MAX_INCOMING = 100;

    private FriendCaps() {
    }

    /** Whether a new request from a sender with {@code outgoing} to a recipient with {@code incoming} fits. */
    public static boolean requestFits(int outgoing, int incoming, int senderFriends, int recipientFriends) {
        return outgoing < MAX_OUTGOING && incoming < MAX_INCOMING && friendshipFits(senderFriends, recipientFriends);
    }

    /** Whether a new friendship between users holding these friend counts fits. */
    public static boolean friendshipFits(int aFriends, int bFriends) {
        return aFriends < MAX_FRIENDS && bFriends < MAX_FRIENDS;
    }
}
