package dev.filament.http.guild;

import dev.filament.application.guild.port.in.CreateChannelUseCase.CreateChannelCommand;
import dev.filament.application.guild.port.in.CreateChannelUseCase;
import dev.filament.application.guild.port.in.GetSelfPermissionsUseCase.GetSelfPermissionsQuery;
import dev.filament.application.guild.port.in.GetSelfPermissionsUseCase;
import dev.filament.application.guild.port.in.ListChannelsUseCase.ListChannelsQuery;
import dev.filament.application.guild.port.in.ListChannelsUseCase;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.ByKind;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.ByLegacyRole;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.Target;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase.UpsertChannelOverrideCommand;
import dev.filament.application.guild.port.in.UpsertChannelOverrideUseCase;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.access.EffectivePermissions;
import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import dev.filament.http.RequestAttributes;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.routes.PathIds;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import dev.filament.application.wire.ChannelShape;
import dev.filament.http.json.Accepted;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/** SPEC 5.8: create and list channels, the caller's channel permissions, and permission overrides (with the alias). */
public final class ChannelRoutes implements RouteModule {
    private final BearerAuthenticator auth;
    private final JsonBodies bodies;
    private final CreateChannelUseCase createChannel;
    private final ListChannelsUseCase listChannels;
    private final GetSelfPermissionsUseCase getSelfPermissions;
    private final UpsertChannelOverrideUseCase upsertChannelOverride;

    public ChannelRoutes(BearerAuthenticator auth, JsonBodies bodies, CreateChannelUseCase createChannel,
                         ListChannelsUseCase listChannels, GetSelfPermissionsUseCase getSelfPermissions,
                         UpsertChannelOverrideUseCase upsertChannelOverride) {
        this.auth = auth;
        this.bodies = bodies;
        this.createChannel = createChannel;
        this.listChannels = listChannels;
        this.getSelfPermissions = getSelfPermissions;
        this.upsertChannelOverride = upsertChannelOverride;
    }

    @Override
    public void register(Router router) {
        router.post("/guilds/{g}/channels", this::create);
        router.get("/guilds/{g}/channels", this::list);
        router.get("/guilds/{g}/channels/{c}/permissions/self", this::self);
        router.post("/guilds/{g}/channels/{c}/permission-overrides/{target_kind}/{target_id}",
                ctx -> override(ctx, ChannelRoutes::byKind));
        router.post("/guilds/{g}/channels/{c}/overrides/{role}",
                ctx -> override(ctx, c -> new ByLegacyRole(PathIds.known(c, "role", LegacyRole::fromWire))));
    }

    private void create(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ListQueries.none(ctx);
        JsonObjectReader body = bodies.object(ctx);
        String name = body.requiredString("name");
        Optional<ChannelKind> kind = BodyFields.optionalEnum(body, "kind", ChannelKind::fromWire);
        body.finish();
        ctx.json(ChannelShape.of(createChannel.create(
                new CreateChannelCommand(caller, RequestAttributes.clientIp(ctx), guild, name, kind))));
    }

    private void list(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ListQueries.none(ctx);
        ListChannelsQuery q = new ListChannelsQuery(caller, RequestAttributes.clientIp(ctx), guild);
        ctx.json(new GuildBodies.Channels(listChannels.list(q).stream().map(ChannelShape::of).toList()));
    }

    private void self(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        ListQueries.none(ctx);
        EffectivePermissions p = getSelfPermissions.get(
                new GetSelfPermissionsQuery(caller, RequestAttributes.clientIp(ctx), guild, channel));
        ctx.json(GuildBodies.SelfPermissions.of(p));
    }

    private static Target byKind(Context ctx) {
        OverrideTargetKind kind = PathIds.known(ctx, "target_kind", OverrideTargetKind::fromWire);
        return new ByKind(kind, PathIds.ulid(ctx, "target_id"));
    }

    /** Both override routes: body {@code {allow: [perm], deny: [perm]}}, both required; answered {@code Accepted}. */
    private void override(Context ctx, Function<Context, Target> target) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        Target t = target.apply(ctx);
        ListQueries.none(ctx);
        JsonObjectReader body = bodies.object(ctx);
        PermissionSet allow = BodyFields.requiredPermissions(body, "allow");
        PermissionSet deny = BodyFields.requiredPermissions(body, "deny");
        body.finish();
        ClientIp ip = RequestAttributes.clientIp(ctx);
        upsertChannelOverride.upsert(new UpsertChannelOverrideCommand(caller, ip, guild, channel, t, allow, deny));
        ctx.json(Accepted.YES);
    }

    /** Route step 2: the authenticated caller, else 401. */
    private UserId caller(Context ctx) {
        return auth.authenticate(ctx).userId();
    }
}
