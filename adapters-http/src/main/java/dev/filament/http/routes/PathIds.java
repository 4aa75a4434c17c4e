package dev.filament.http.routes;

import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.Ulid;
import dev.filament.domain.id.UserId;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/**
 * Route step 3 (SPEC 1.10): the ids and enums of a path. A malformed ULID or an unknown enum value in a path names no
 * resource, so it is 404 {@code not_found}, never 400.
 */
public final class PathIds {
    private PathIds() {
    }

    public static GuildId guild(Context ctx) {
        return GuildId.of(ulid(ctx, "g"));
    }

    public static ChannelId channel(Context ctx) {
        return ChannelId.of(ulid(ctx, "c"));
    }

    public static RoleId role(Context ctx) {
        return RoleId.of(ulid(ctx, "r"));
    }

    public static UserId user(Context ctx) {
        return UserId.of(ulid(ctx, "u"));
    }

    public static MessageId message(Context ctx) {
        return MessageId.of(ulid(ctx, "m"));
    }

    public static IpBanId ipBan(Context ctx) {
        return IpBanId.of(ulid(ctx, "ban_id"));
    }

    /** The upper-case ULID in path parameter {@code name}, else 404. */
    public static String ulid(Context ctx, String name) {
        return Ulid.parse(ctx.pathParam(name)).orElseThrow(() -> new NotFoundException(name));
    }

    /** The enum value named by path parameter {@code name} (exact wire name), else 404. */
    public static <E> E known(Context ctx, String name, Function<String, Optional<E>> fromWire) {
        return fromWire.apply(ctx.pathParam(name)).orElseThrow(() -> new NotFoundException(name));
    }
}
