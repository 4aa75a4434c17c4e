package dev.filament.http.guild;

import dev.filament.application.guild.port.in.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.port.in.CreateGuildUseCase;
import dev.filament.application.guild.port.in.JoinGuildUseCase.JoinGuildCommand;
import dev.filament.application.guild.port.in.JoinGuildUseCase.Joined;
import dev.filament.application.guild.port.in.JoinGuildUseCase;
import dev.filament.application.guild.port.in.ListAuditUseCase.ListAuditQuery;
import dev.filament.application.guild.port.in.ListAuditUseCase;
import dev.filament.application.guild.port.in.ListGuildsUseCase;
import dev.filament.application.guild.port.in.ListPublicGuildsUseCase.ListPublicGuildsQuery;
import dev.filament.application.guild.port.in.ListPublicGuildsUseCase;
import dev.filament.application.guild.port.in.UpdateGuildUseCase.UpdateGuildCommand;
import dev.filament.application.guild.port.in.UpdateGuildUseCase;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.http.RequestAttributes;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.routes.PathIds;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import dev.filament.application.wire.GuildShape;
import io.javalin.http.Context;
import java.util.Optional;

/** SPEC 5.7, 6.7 and 7.2: create, list, patch and browse guilds, join from the directory, page the audit log. */
public final class GuildRoutes implements RouteModule {
    private final BearerAuthenticator auth;
    private final JsonBodies bodies;
    private final CreateGuildUseCase createGuild;
    private final ListGuildsUseCase listGuilds;
    private final ListPublicGuildsUseCase listPublicGuilds;
    private final UpdateGuildUseCase updateGuild;
    private final JoinGuildUseCase joinGuild;
    private final ListAuditUseCase listAudit;

    public GuildRoutes(BearerAuthenticator auth, JsonBodies bodies, CreateGuildUseCase createGuild,
                       ListGuildsUseCase listGuilds, ListPublicGuildsUseCase listPublicGuilds,
                       UpdateGuildUseCase updateGuild, JoinGuildUseCase joinGuild, ListAuditUseCase listAudit) {
        this.auth = auth;
        this.bodies = bodies;
        this.createGuild = createGuild;
        this.listGuilds = listGuilds;
        this.listPublicGuilds = listPublicGuilds;
        this.updateGuild = updateGuild;
        this.joinGuild = joinGuild;
        this.listAudit = listAudit;
    }

    @Override
    public void register(Router router) {
        router.post("/guilds", this::create);
        router.get("/guilds", this::list);
        router.get("/guilds/public", this::listPublic);
        router.patch("/guilds/{g}", this::update);
        router.post("/guilds/{g}/join", this::join);
        router.get("/guilds/{g}/audit", this::audit);
    }

    private void create(Context ctx) {
        UserId caller = caller(ctx);
        ListQueries.none(ctx);
        JsonObjectReader body = bodies.object(ctx);
        String name = body.requiredString("name");
        Optional<Visibility> visibility = BodyFields.optionalEnum(body, "visibility", Visibility::fromWire);
        body.finish();
        ctx.json(GuildShape.of(createGuild.create(new CreateGuildCommand(caller, name, visibility))));
    }

    private void list(Context ctx) {
        UserId caller = caller(ctx);
        ListQueries.none(ctx);
        ctx.json(new GuildBodies.Guilds(listGuilds.list(caller).stream().map(GuildShape::of).toList()));
    }

    private void listPublic(Context ctx) {
        UserId caller = caller(ctx);
        QueryParams query = QueryParams.of(ctx, "q", "limit");
        ListPublicGuildsQuery q = ListPublicGuildsQuery.parse(caller, query.string("q"), ListQueries.limit(query));
        ctx.json(new GuildBodies.Guilds(listPublicGuilds.list(q).stream().map(GuildShape::of).toList()));
    }

    private void update(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ListQueries.none(ctx);
        JsonObjectReader body = bodies.object(ctx);
        Optional<String> name = body.optionalString("name");
        Optional<Visibility> visibility = BodyFields.optionalEnum(body, "visibility", Visibility::fromWire);
        body.finish();
        ctx.json(GuildShape.of(updateGuild.update(new UpdateGuildCommand(caller, guild, name, visibility))));
    }

    /** No body; the two join limiters run inside the use case, first thing after the path (SPEC 6.7). */
    private void join(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ListQueries.none(ctx);
        Joined joined = joinGuild.join(new JoinGuildCommand(caller, RequestAttributes.clientIp(ctx), guild));
        ctx.json(GuildBodies.JoinResult.of(joined));
    }

    private void audit(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        QueryParams query = QueryParams.of(ctx, "cursor", "limit", "action_prefix");
        ListAuditQuery q = new ListAuditQuery(caller, guild, query.string("cursor"), ListQueries.limit(query),
                query.string("action_prefix"));
        ctx.json(GuildBodies.AuditEvents.of(listAudit.list(q)));
    }

    /** Route step 2: the authenticated caller, else 401. */
    private UserId caller(Context ctx) {
        return auth.authenticate(ctx).userId();
    }
}
