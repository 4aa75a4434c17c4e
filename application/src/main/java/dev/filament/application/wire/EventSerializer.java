package dev.filament.application.wire;

/**
 * Out-port: turns a server event's payload {@code d} into its JSON text once, so the gateway only splices it (SPEC
 * 9.7.1). snake_case keys in component order; an empty {@code Optional} component is omitted, a {@code null} one is
 * written as {@code null}. Pure, thread-safe, never blocks.
 */
public interface EventSerializer {

    String toJson(ServerEvent event);
}
