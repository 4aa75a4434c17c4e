package dev.filament.http.guild;

import dev.filament.http.routes.PathIds;
import dev.filament.application.guild.GuildUseCases;
import dev.filament.application.guild.ipbans.CreateIpBansByUserUseCase.CreateIpBansByUserCommand;
import dev.filament.application.guild.ipbans.CreateIpBansByUserUseCase.Created;
import dev.filament.application.guild.ipbans.DeleteIpBanUseCase.DeleteIpBanCommand;
import dev.filament.application.guild.ipbans.ListIpBansUseCase.ListIpBansQuery;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.id.UserId;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import dev.filament.http.json.Accepted;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;

/** SPEC 6.6: list active IP bans, ban every network a user was seen from, delete one ban. */
final class IpBanRoutes implements RouteModule {
    private final GuildHttp http;
    private final GuildUseCases uc;

    IpBanRoutes(GuildHttp http) {
        this.http = http;
        this.uc = http.useCases();
    }

    @Override
    public void register(Router router) {
        router.get("/guilds/{g}/ip-bans", this::list);
        router.post("/guilds/{g}/ip-bans/by-user", this::byUser);
        router.delete("/guilds/{g}/ip-bans/{ban_id}", this::delete);
    }

    private void list(Context ctx) {
        UserId caller = http.caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        QueryParams query = QueryParams.of(ctx, "cursor", "limit");
        ListIpBansQuery q = ListIpBansQuery.parse(caller, guild, query.string("cursor"), ListQueries.limit(query));
        ctx.json(GuildBodies.IpBans.of(uc.listIpBans().list(q)));
    }

    private void byUser(Context ctx) {
        UserId caller = http.caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ListQueries.none(ctx);
        JsonObjectReader body = http.bodies().object(ctx);
        String rawTarget = body.requiredString("target_user_id");
        Optional<String> reason = body.optionalString("reason");
        Optional<Long> expires = body.optionalLong("expires_in_secs");
        body.finish();
        UserId target = UserId.of(BodyFields.ulid("target_user_id", rawTarget));
        Created created = uc.createIpBansByUser().create(new CreateIpBansByUserCommand(caller, guild, target, reason,
                expires.map(OptionalLong::of).orElse(OptionalLong.empty())));
        ctx.json(GuildBodies.IpBansCreated.of(created));
    }

    private void delete(Context ctx) {
        UserId caller = http.caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        IpBanId ban = PathIds.ipBan(ctx);
        ListQueries.none(ctx);
        uc.deleteIpBan().delete(new DeleteIpBanCommand(caller, guild, ban));
        ctx.json(Accepted.YES);
    }
}
