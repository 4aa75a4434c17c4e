package dev.filament.application.shared;

import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.ServerEvent;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One server event of SPEC 9.5 on its way to the gateway: wire type {@code t}, the connections it is for, and the
 * payload {@code d} serialized once by the publisher, so the fanout only splices it into each connection's envelope.
 */
public record GatewayEvent(String type, Scope scope, String payloadJson) {
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_.]{1,64}");

    public GatewayEvent {
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type must be 1..64 chars of [a-z0-9_.]");
        }
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(payloadJson, "payloadJson");
        if (!looksLikeObject(payloadJson)) {
            throw new IllegalArgumentException("payloadJson must be a serialized JSON object");
        }
    }

    public static GatewayEvent of(String type, Scope scope, String payloadJson) {
        return new GatewayEvent(type, scope, payloadJson);
    }

    /** The typed event, its payload serialized once by {@code serializer}. */
    public static GatewayEvent of(ServerEvent event, Scope scope, EventSerializer serializer) {
        return new GatewayEvent(event.type(), scope, serializer.toJson(event));
    }

    // A cheap shape check only: the publisher's serializer is trusted to produce valid JSON.
    private static boolean looksLikeObject(String json) {
        String trimmed = json.strip();
        return trimmed.length() >= 2 && trimmed.charAt(0) == '{' && trimmed.charAt(trimmed.length() - 1) == '}';
    }

    /** The connections an event is for (SPEC 9.5 "Scope"). */
    public sealed interface Scope {
        /** The metric label of this scope kind: {@code channel}, {@code guild}, {@code user}, {@code connection}. */
        String label();

        static Scope channel(GuildId guild, ChannelId channel) {
            return new Channel(guild, channel);
        }

        static Scope guild(GuildId guild) {
            return new Guild(guild, Optional.empty());
        }

        /** Guild scope restricted to a precomputed audience (e.g. holders of {@code manage_ip_bans}). */
        static Scope guildAudience(GuildId guild, Set<UserId> audience) {
            return new Guild(guild, Optional.of(audience));
        }

        static Scope user(UserId user) {
            return new User(user);
        }

        /**
         * {@code observers(U)} of SPEC 9.5: U, U's friends and U's guild co-members. Resolved against the database
         * by the gateway's audience resolver, which republishes the event with {@link #users} scope.
         */
        static Scope observers(UserId subject) {
            return new Observers(subject);
        }

        /** All connections of each of {@code users} (an audience already resolved). */
        static Scope users(Set<UserId> users) {
            return new Users(users);
        }

        static Scope connection(ConnectionId connection) {
            return new Connection(connection);
        }

        /** Connections subscribed to this (guild, channel). */
        record Channel(GuildId guild, ChannelId channel) implements Scope {
            public Channel {
                Objects.requireNonNull(guild, "guild");
                Objects.requireNonNull(channel, "channel");
            }

            @Override
            public String label() {
                return "channel";
            }
        }

        /** Connections holding at least one subscription in the guild, optionally only those of {@code audience}. */
        record Guild(GuildId guild, Optional<Set<UserId>> audience) implements Scope {
            public Guild {
                Objects.requireNonNull(guild, "guild");
                audience = Objects.requireNonNull(audience, "audience").map(Set::copyOf);
            }

            /** Whether a connection of {@code user} in this guild belongs to the audience. */
            public boolean admits(UserId user) {
                return audience.map(a -> a.contains(user)).orElse(true);
            }

            @Override
            public String label() {
                return "guild";
            }
        }

        /** All connections of a user. */
        record User(UserId user) implements Scope {
            public User {
                Objects.requireNonNull(user, "user");
            }

            @Override
            public String label() {
                return "user";
            }
        }

        /** The observers of a user (SPEC 9.5), not yet resolved. */
        record Observers(UserId subject) implements Scope {
            public Observers {
                Objects.requireNonNull(subject, "subject");
            }

            @Override
            public String label() {
                return "observers";
            }
        }

        /** All connections of the listed users. */
        record Users(Set<UserId> users) implements Scope {
            public Users {
                users = Set.copyOf(Objects.requireNonNull(users, "users"));
            }

            @Override
            public String label() {
                return "observers";
            }
        }

        /** Exactly one connection. */
        record Connection(ConnectionId connection) implements Scope {
            public Connection {
                Objects.requireNonNull(connection, "connection");
            }

            @Override
            public String label() {
                return "connection";
            }
        }
    }
}
