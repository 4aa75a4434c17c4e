package dev.filament.domain.gateway;

/** Why an event did not reach a connection; the {@code reason} label of the dropped-events counter (SPEC 14.2). */
public enum DropReason {
    /** The connection's outbound queue bound was hit; the connection is closed 1008. */
    SLOW_CONSUMER("slow_consumer"),
    /** The connection was already closing. */
    CLOSED("closed"),
    /** The dispatch queue was full; the event's scope is closed 1013. */
    DISPATCH_OVERFLOW("dispatch_overflow"),
    /** The publisher could not serialize the payload. */
    SERIALIZE_ERROR("serialize_error"),
    /** The frame was larger than the 65536-byte outbound cap (SPEC 9.3); counted once per connection. */
    OVERSIZED("oversized");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
