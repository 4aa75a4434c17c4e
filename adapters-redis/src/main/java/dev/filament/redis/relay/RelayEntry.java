package dev.filament.redis.relay;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.GatewayEvent.Scope;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of one {@code filament:events} entry (SPEC 17.3): {@code o} origin instance, {@code n} origin sequence,
 * {@code ts} publish time (ms), {@code k} kind and the kind's own fields. Scopes are written as {@code s} (channel,
 * guild, user, observers: the subject in {@code u}), {@code g}, {@code c}, {@code u} and the explicit audience {@code a} (comma list of user ids).
 */
public sealed interface RelayEntry {

    /** The kind's fields, without {@code o}, {@code n} and {@code ts}. */
    Map<String, String> fields();

    record Event(GatewayEvent event) implements RelayEntry {
        @Override
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("k", "event");
            f.put("t", event.type());
            switch (event.scope()) {
                case Scope.Channel c -> {
                    f.put("s", "channel");
                    f.put("g", c.guild().value());
                    f.put("c", c.channel().value());
                }
                case Scope.Guild g -> {
                    f.put("s", "guild");
                    f.put("g", g.guild().value());
                    g.audience().ifPresent(a -> f.put("a", a.stream().map(UserId::value)
                            .collect(Collectors.joining(","))));
                }
                case Scope.User u -> {
                    f.put("s", "user");
                    f.put("u", u.user().value());
                }
                case Scope.Observers o -> {
                    f.put("s", "observers");
                    f.put("u", o.subject().value());
                }
                case Scope.Users us -> throw new IllegalArgumentException("resolved audiences are not relayed");
                case Scope.Connection c -> throw new IllegalArgumentException("connection events are not relayed");
            }
            f.put("d", event.payloadJson());
            return f;
        }
    }

    record Drop(UserId user, GuildId guild, UnsubscribeReason reason) implements RelayEntry {
        @Override
        public Map<String, String> fields() {
            return Map.of("k", "drop", "u", user.value(), "g", guild.value(), "r", reason.name());
        }
    }

    record Revalidate(GuildId guild) implements RelayEntry {
        @Override
        public Map<String, String> fields() {
            return Map.of("k", "revalidate", "g", guild.value());
        }
    }

    record Revoke(SessionId session) implements RelayEntry {
        @Override
        public Map<String, String> fields() {
            return Map.of("k", "revoke", "sid", session.value());
        }
    }

    record UserRenamed(UserId user, String username) implements RelayEntry {
        @Override
        public Map<String, String> fields() {
            return Map.of("k", "user", "u", user.value(), "name", username);
        }
    }

    /** The entry of {@code body}; empty for a kind this node does not know (a newer peer). */
    static Optional<RelayEntry> parse(Map<String, String> body) {
        return switch (body.getOrDefault("k", "")) {
            case "event" -> Optional.of(new Event(GatewayEvent.of(body.get("t"), scope(body), body.get("d"))));
            case "drop" -> Optional.of(new Drop(UserId.of(body.get("u")), GuildId.of(body.get("g")),
                    UnsubscribeReason.valueOf(body.get("r"))));
            case "revalidate" -> Optional.of(new Revalidate(GuildId.of(body.get("g"))));
            case "revoke" -> Optional.of(new Revoke(SessionId.of(body.get("sid"))));
            case "user" -> Optional.of(new UserRenamed(UserId.of(body.get("u")), body.get("name")));
            default -> Optional.empty();
        };
    }

    private static Scope scope(Map<String, String> body) {
        return switch (body.get("s")) {
            case "channel" -> Scope.channel(GuildId.of(body.get("g")), ChannelId.of(body.get("c")));
            case "guild" -> body.containsKey("a")
                    ? Scope.guildAudience(GuildId.of(body.get("g")), audience(body.get("a")))
                    : Scope.guild(GuildId.of(body.get("g")));
            case "user" -> Scope.user(UserId.of(body.get("u")));
            case "observers" -> Scope.observers(UserId.of(body.get("u")));
            default -> throw new IllegalArgumentException("unknown scope");
        };
    }

    private static Set<UserId> audience(String list) {
        return list.isEmpty() ? Set.of()
                : Arrays.stream(list.split(",")).map(UserId::of).collect(Collectors.toUnmodifiableSet());
    }
}
