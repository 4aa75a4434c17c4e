package dev.filament.domain.id;

/** Identifier of a message (ULID, upper case). */
public record MessageId(String value) implements Comparable<MessageId> {
    public MessageId {
        value = Ulid.require(value, "messageId");
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public int compareTo(MessageId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
