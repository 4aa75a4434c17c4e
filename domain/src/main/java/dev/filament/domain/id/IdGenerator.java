package dev.filament.domain.id;

/** Source of new ULIDs; strictly increasing within one process (SPEC 1.2). Thread-safe. */
public interface IdGenerator {
    /** A new upper-case ULID. */
    String next();

    default UserId newUserId() { return new UserId(next()); }
    default GuildId newGuildId() { return new GuildId(next()); }
    default ChannelId newChannelId() { return new ChannelId(next()); }
    default RoleId newRoleId() { return new RoleId(next()); }
    default MessageId newMessageId() { return new MessageId(next()); }
    default SessionId newSessionId() { return new SessionId(next()); }
    default AuditId newAuditId() { return new AuditId(next()); }
    default IpBanId newIpBanId() { return new IpBanId(next()); }
    default ConnectionId newConnectionId() { return new ConnectionId(next()); }
    default FriendRequestId newFriendRequestId() { return new FriendRequestId(next()); }
    default AttachmentId newAttachmentId() { return new AttachmentId(next()); }
}
