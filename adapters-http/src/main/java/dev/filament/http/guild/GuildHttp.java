package dev.filament.http.guild;

import dev.filament.application.guild.service.GuildUseCases;
import dev.filament.domain.id.UserId;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.routes.RouteModule;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * Factory for bootstrap: the route modules of SPEC 5-7 (guilds, audit, members, bans, roles, channels, IP bans) over
 * the guild use cases, with the bearer authenticator and the strict body reader they share.
 */
public record GuildHttp(GuildUseCases useCases, BearerAuthenticator auth, JsonBodies bodies) {
    public GuildHttp {
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(bodies, "bodies");
    }

    /** Every guild route module, to add to the server's module list. */
    public List<RouteModule> modules() {
        return List.of(new GuildRoutes(this), new MemberRoutes(this), new RoleRoutes(this), new ChannelRoutes(this),
                new IpBanRoutes(this));
    }

    /** Route step 2: the authenticated caller, else 401. */
    UserId caller(Context ctx) {
        return auth.authenticate(ctx).userId();
    }
}
