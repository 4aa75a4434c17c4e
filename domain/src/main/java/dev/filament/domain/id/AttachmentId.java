package dev.filament.domain.id;

/** Identifier of an attachment (ULID, upper case); its blob key is {@code attachments/{attachment_id}}. */
public record AttachmentId(String value) implements Comparable<AttachmentId> {
    public AttachmentId {
        value = Ulid.require(value, "attachmentId");
    }

    public static AttachmentId of(String value) {
        return new AttachmentId(value);
    }

    @Override
    public int compareTo(AttachmentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
