package dev.filament.http.voice;

import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.Ulid;
import io.javalin.http.Context;

/**
 * Route step 3 (SPEC 1.10) of the voice routes: the guild and channel ids of the path. A malformed ULID names no
 * resource, so it is 404 {@code not_found}, never 400 (mirrors the guild routes' package-private helper).
 */
final class VoicePathIds {
    private VoicePathIds() {
    }

    static GuildId guild(Context ctx) {
        return GuildId.of(ulid(ctx, "g"));
    }

    static ChannelId channel(Context ctx) {
        return ChannelId.of(ulid(ctx, "c"));
    }

    private static String ulid(Context ctx, String name) {
        return Ulid.parse(ctx.pathParam(name)).orElseThrow(() -> new NotFoundException(name));
    }
}
