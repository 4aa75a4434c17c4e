package dev.filament.application.guild.port.out;

/**
 * Out-port: where a failed post-commit hand-off is logged and counted (SPEC 1.11 W3). Never throws, never blocks;
 * the response is unchanged by anything reported here.
 */
public interface HandOffFailures {

    /** {@code handOff} names the hand-off, e.g. {@code gateway.publish}, {@code audit.ip_ban_hit}. */
    void failed(String handOff, RuntimeException error);
}
