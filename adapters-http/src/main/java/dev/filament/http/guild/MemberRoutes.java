package dev.filament.http.guild;

import dev.filament.application.guild.port.in.AddMemberUseCase;
import dev.filament.application.guild.port.in.BanMemberUseCase;
import dev.filament.application.guild.port.in.KickMemberUseCase;
import dev.filament.application.guild.port.in.ListBansUseCase.ListBansQuery;
import dev.filament.application.guild.port.in.ListBansUseCase;
import dev.filament.application.guild.port.in.ListMembersUseCase.ListMembersQuery;
import dev.filament.application.guild.port.in.ListMembersUseCase;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.in.UnbanUseCase;
import dev.filament.application.guild.port.in.UpdateMemberRoleUseCase.UpdateMemberRoleCommand;
import dev.filament.application.guild.port.in.UpdateMemberRoleUseCase;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.id.GuildId;
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
import io.javalin.http.Handler;
import java.util.function.Consumer;

/** SPEC 6.1-6.3: list, add and re-role members, kick and ban them, list and lift bans. */
public final class MemberRoutes implements RouteModule {
    private final BearerAuthenticator auth;
    private final JsonBodies bodies;
    private final AddMemberUseCase addMember;
    private final KickMemberUseCase kickMember;
    private final BanMemberUseCase banMember;
    private final UnbanUseCase unban;
    private final ListMembersUseCase listMembers;
    private final UpdateMemberRoleUseCase updateMemberRole;
    private final ListBansUseCase listBans;

    public MemberRoutes(BearerAuthenticator auth, JsonBodies bodies, AddMemberUseCase addMember,
                        KickMemberUseCase kickMember, BanMemberUseCase banMember, UnbanUseCase unban,
                        ListMembersUseCase listMembers, UpdateMemberRoleUseCase updateMemberRole,
                        ListBansUseCase listBans) {
        this.auth = auth;
        this.bodies = bodies;
        this.addMember = addMember;
        this.kickMember = kickMember;
        this.banMember = banMember;
        this.unban = unban;
        this.listMembers = listMembers;
        this.updateMemberRole = updateMemberRole;
        this.listBans = listBans;
    }

    @Override
    public void register(Router router) {
        router.get("/guilds/{g}/members", this::list);
        router.post("/guilds/{g}/members/{u}", accepted(addMember::add));
        router.patch("/guilds/{g}/members/{u}", this::updateRole);
        router.post("/guilds/{g}/members/{u}/kick", accepted(kickMember::kick));
        router.post("/guilds/{g}/members/{u}/ban", accepted(banMember::ban));
        router.get("/guilds/{g}/bans", this::bans);
        router.delete("/guilds/{g}/bans/{u}", accepted(unban::unban));
    }

    private void list(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        QueryParams query = QueryParams.of(ctx, "cursor", "limit");
        ListMembersQuery q = ListMembersQuery.parse(caller, guild, query.string("cursor"), ListQueries.limit(query));
        ctx.json(GuildBodies.Members.of(listMembers.list(q)));
    }

    private void updateRole(Context ctx) {
        MemberCommand target = target(ctx);
        JsonObjectReader body = bodies.object(ctx);
        LegacyRole role = BodyFields.requiredEnum(body, "role", LegacyRole::fromWire);
        body.finish();
        updateMemberRole.update(new UpdateMemberRoleCommand(target, role));
        ctx.json(Accepted.YES);
    }

    private void bans(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        QueryParams query = QueryParams.of(ctx, "cursor", "limit");
        ListBansQuery q = ListBansQuery.parse(caller, guild, query.string("cursor"), ListQueries.limit(query));
        ctx.json(GuildBodies.Bans.of(listBans.list(q)));
    }

    /** A body-less route on one member, answered {@code Accepted}; any body and its content type are ignored. */
    private Handler accepted(Consumer<MemberCommand> action) {
        return ctx -> {
            action.accept(target(ctx));
            ctx.json(Accepted.YES);
        };
    }

    /** Steps 2-4 of a {@code /guilds/{g}/.../{u}} route: caller, guild and user path ids, no query. */
    private MemberCommand target(Context ctx) {
        UserId caller = caller(ctx);
        MemberCommand command = new MemberCommand(caller, PathIds.guild(ctx), PathIds.user(ctx));
        ListQueries.none(ctx);
        return command;
    }

    /** Route step 2: the authenticated caller, else 401. */
    private UserId caller(Context ctx) {
        return auth.authenticate(ctx).userId();
    }
}
