package dev.filament.application.gateway.port.out;

import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.GuildEvent;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;

/** Presence of a user in a guild (SPEC 9.8) and the {@code presence_update} event that announces it. */
public enum PresenceStatus {
    ONLINE("online"),
    OFFLINE("offline");

    public static final String EVENT_TYPE = GuildEvent.PresenceUpdate.TYPE;

    private final String wire;

    PresenceStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** {@code presence_update} to guild scope, serialized once by {@code serializer}. */
    public GatewayEvent updateEvent(GuildId guild, UserId user, EventSerializer serializer) {
        return GatewayEvent.of(new GuildEvent.PresenceUpdate(guild.value(), user.value(), wire),
                GatewayEvent.Scope.guild(guild), serializer);
    }
}
