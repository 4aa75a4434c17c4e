package dev.filament.domain.guild.ipban;

import java.util.Optional;

/**
 * The Phase 1 enforcement surfaces of SPEC 6.6: the routes and gateway events that check IP bans (ladder step
 * {@code IP(surface)}); the wire name goes into the {@code moderation.ip_ban.hit} audit details.
 */
public enum IpBanSurface {
    MESSAGES_CREATE("messages.create"),
    MESSAGES_LIST("messages.list"),
    MESSAGES_EDIT("messages.edit"),
    MESSAGES_DELETE("messages.delete"),
    MESSAGES_REACTIONS_ADD("messages.reactions.add"),
    MESSAGES_REACTIONS_REMOVE("messages.reactions.remove"),
    ATTACHMENTS_UPLOAD("attachments.upload"),
    ATTACHMENTS_DOWNLOAD("attachments.download"),
    ATTACHMENTS_DELETE("attachments.delete"),
    CHANNELS_PERMISSIONS_SELF("channels.permissions.self"),
    GUILD_CHANNELS_LIST("guild.channels.list"),
    GUILD_CHANNELS_CREATE("guild.channels.create"),
    GUILD_CHANNEL_OVERRIDES_UPDATE("guild.channel_overrides.update"),
    GUILD_CHANNEL_PERMISSION_OVERRIDES_UPDATE("guild.channel_permission_overrides.update"),
    SEARCH_MESSAGES("search.messages"),
    SEARCH_REBUILD("search.rebuild"),
    SEARCH_RECONCILE("search.reconcile"),
    VOICE_TOKEN_ISSUE("voice.token.issue"),
    VOICE_LEAVE("voice.leave"),
    VOICE_STATE_UPDATE("voice.state.update"),
    GATEWAY_SUBSCRIBE("gateway.subscribe"),
    GATEWAY_MESSAGE_CREATE("gateway.message_create");

    private final String wire;

    IpBanSurface(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<IpBanSurface> fromWire(String value) {
        for (IpBanSurface s : values()) {
            if (s.wire.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
