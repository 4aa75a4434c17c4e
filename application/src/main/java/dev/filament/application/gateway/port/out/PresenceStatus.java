package dev.filament.application.gateway.port.out;

import dev.filament.application.gateway.GatewayEvent;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;

/** Presence of a user in a guild (SPEC 9.8) and the {@code presence_update} event that announces it. */
public enum PresenceStatus {
    ONLINE("online"),
    OFFLINE("offline");

    public static final String EVENT_TYPE = "presence_update";

    private final String wire;

    PresenceStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** {@code presence_update} to guild scope; ids are ULIDs and the status is fixed, so nothing needs escaping. */
    public GatewayEvent updateEvent(GuildId guild, UserId user) {
        String d = "{\"guild_id\":\"" + guild.value() + "\",\"user_id\":\"" + user.value()
                + "\",\"status\":\"" + wire + "\"}";
        return new GatewayEvent(EVENT_TYPE, GatewayEvent.Scope.guild(guild), d);
    }
}
