package dev.filament.http.guild;

import dev.filament.application.guild.port.in.CreateIpBansByUserUseCase.CreateIpBansByUserCommand;
import dev.filament.application.guild.port.in.CreateIpBansByUserUseCase.Created;
import dev.filament.application.guild.port.in.CreateIpBansByUserUseCase;
import dev.filament.application.guild.port.in.DeleteIpBanUseCase.DeleteIpBanCommand;
import dev.filament.application.guild.port.in.DeleteIpBanUseCase;
import dev.filament.application.guild.port.in.ListIpBansUseCase.ListIpBansQuery;
import dev.filament.application.guild.port.in.ListIpBansUseCase;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.id.UserId;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.routes.PathIds;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import dev.filament.http.json.Accepted;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;

/** SPEC 6.6: list active IP bans, ban every network a user was seen from, delete one ban. */
public final class IpBanRoutes implements RouteModule {
    private final BearerAuthenticator auth;
    private final JsonBodies bodies;
    private final ListIpBansUseCase listIpBans;
    private final CreateIpBansByUserUseCase createIpBansByUser;
    private final DeleteIpBanUseCase deleteIpBan;

    public IpBanRoutes(BearerAuthenticator auth, JsonBodies bodies, ListIpBansUseCase listIpBans,
                       CreateIpBansByUserUseCase createIpBansByUser, DeleteIpBanUseCase deleteIpBan) {
        this.auth = auth;
        this.bodies = bodies;
        this.listIpBans = listIpBans;
        this.createIpBansByUser = createIpBansByUser;
        this.deleteIpBan = deleteIpBan;
    }

    @Override
    public void register(Router router) {
        router.get("/guilds/{g}/ip-bans", this::list);
        router.post("/guilds/{g}/ip-bans/by-user", this::byUser);
        router.delete("/guilds/{g}/ip-bans/{ban_id}", this::delete);
    }

    private void list(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        QueryParams query = QueryParams.of(ctx, "cursor", "limit");
        ListIpBansQuery q = ListIpBansQuery.parse(caller, guild, query.string("cursor"), ListQueries.limit(query));
        ctx.json(GuildBodies.IpBans.of(listIpBans.list(q)));
    }

    private void byUser(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ListQueries.none(ctx);
        JsonObjectReader body = bodies.object(ctx);
        String rawTarget = body.requiredString("target_user_id");
        Optional<String> reason = body.optionalString("reason");
        Optional<Long> expires = body.optionalLong("expires_in_secs");
        body.finish();
        UserId target = UserId.of(BodyFields.ulid("target_user_id", rawTarget));
        Created created = createIpBansByUser.create(new CreateIpBansByUserCommand(caller, guild, target, reason,
                expires.map(OptionalLong::of).orElse(OptionalLong.empty())));
        ctx.json(GuildBodies.IpBansCreated.of(created));
    }

    private void delete(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        IpBanId ban = PathIds.ipBan(ctx);
        ListQueries.none(ctx);
        deleteIpBan.delete(new DeleteIpBanCommand(caller, guild, ban));
        ctx.json(Accepted.YES);
    }

    /** Route step 2: the authenticated caller, else 401. */
    private UserId caller(Context ctx) {
        return auth.authenticate(ctx).userId();
    }
}
