package dev.filament.domain.message;

import dev.filament.domain.id.AttachmentId;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Entity: an uploaded file (SPEC 8.5, 12.1 {@code attachments}). Unbound ({@code message} empty) it is visible to its
 * owner only; bound, it is part of that message. {@code objectKey} is {@code attachments/{attachment_id}}.
 */
public record Attachment(AttachmentId id, GuildId guildId, ChannelId channelId, UserId ownerId,
                         Optional<MessageId> messageId, AttachmentFilename filename, String mimeType, long sizeBytes,
                         String sha256Hex, Instant createdAt) {
    /** Per-upload cap (SPEC 8.5, 13). */
    public static final long MAX_BYTES = 26_214_400;
    /** Per-user quota over every attachment the user owns, bound or not (SPEC 8.5, 13). */
    public static final long QUOTA_BYTES = 262_144_000;
    /** Attachments per message (SPEC 8.1). */
    public static final int MAX_PER_MESSAGE = 5;
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(mimeType, "mimeType");
        if (sizeBytes < 1 || sizeBytes > MAX_BYTES) {
            throw new IllegalArgumentException("size must be 1..26214400, was " + sizeBytes);
        }
        if (!SHA256.matcher(Objects.requireNonNull(sha256Hex, "sha256Hex")).matches()) {
            throw new IllegalArgumentException("sha256Hex must be 64 lower-case hex digits");
        }
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
    }

    /** The blob key of the file: {@code attachments/{attachment_id}} (SPEC 8.7). */
    public String objectKey() {
        return "attachments/" + id.value();
    }

    /** Bound to a message, or unbound (visible to its owner only). */
    public boolean isBound() {
        return messageId.isPresent();
    }

    /** Whether {@code user} may see it: everyone with channel access when bound, only the owner when unbound. */
    public boolean visibleTo(UserId user) {
        return isBound() || ownerId.equals(user);
    }
}
