package dev.filament.application.wire;

/**
 * A server event of SPEC 9.5: exactly one record per event name {@code t}; the record is the payload {@code d}.
 * Each record names its type in a {@code TYPE} constant, which {@link #type()} returns; the type is not part of
 * {@code d}. Grouped by the scope the event travels to.
 */
public sealed interface ServerEvent permits ConnectionEvent, ChannelEvent, GuildEvent, UserEvent {

    /** The wire name {@code t}, e.g. {@code "message_create"}. */
    String type();
}
