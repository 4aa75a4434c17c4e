package dev.filament.application.guild.port.out;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;

/**
 * Out-port: post-commit hand-offs to the voice registry (SPEC 11.5). Both methods never block; they enqueue work and
 * return. A no-op implementation is valid while voice is not wired.
 */
public interface VoiceRemovals {

    /** Kick or ban: remove {@code user} from every voice channel of {@code guild} (events as leave). */
    void removeFromGuild(UserId user, GuildId guild);

    /** Re-evaluate the guild's participants; remove those no longer members or without {@code create_message}. */
    void reevaluate(GuildId guild);

    /** The implementation to wire while voice is not built: does nothing. */
    static VoiceRemovals none() {
        return new VoiceRemovals() {
            @Override
            public void removeFromGuild(UserId user, GuildId guild) {
            }

            @Override
            public void reevaluate(GuildId guild) {
            }
        };
    }
}
