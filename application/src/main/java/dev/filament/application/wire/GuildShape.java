package dev.filament.application.wire;

import dev.filament.domain.guild.Guild;

/** {@code Guild = {guild_id, name, visibility}} (SPEC 5.6). */
public record GuildShape(String guildId, String name, String visibility) {

    public static GuildShape of(Guild g) {
        return new GuildShape(g.id().value(), g.name().value(), g.visibility().wire());
    }
}
