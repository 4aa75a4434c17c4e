package dev.filament.http.guild;

import dev.filament.http.routes.PathIds;
import dev.filament.application.guild.GuildUseCases;
import dev.filament.application.guild.members.ListMembersUseCase.ListMembersQuery;
import dev.filament.application.guild.members.MemberCommand;
import dev.filament.application.guild.members.UpdateMemberRoleUseCase.UpdateMemberRoleCommand;
import dev.filament.application.guild.moderation.ListBansUseCase.ListBansQuery;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import dev.filament.http.json.Accepted;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.Consumer;

/** SPEC 6.1-6.3: list, add and re-role members, kick and ban them, list and lift bans. */
final class MemberRoutes implements RouteModule {
    private final GuildHttp http;
    private final GuildUseCases uc;

    MemberRoutes(GuildHttp http) {
        this.http = http;
        this.uc = http.useCases();
    }

    @Override
    public void register(Router router) {
        router.get("/guilds/{g}/members", this::list);
        router.post("/guilds/{g}/members/{u}", accepted(uc.addMember()::add));
        router.patch("/guilds/{g}/members/{u}", this::updateRole);
        router.post("/guilds/{g}/members/{u}/kick", accepted(uc.kickMember()::kick));
        router.post("/guilds/{g}/members/{u}/ban", accepted(uc.banMember()::ban));
        router.get("/guilds/{g}/bans", this::bans);
        router.delete("/guilds/{g}/bans/{u}", accepted(uc.unban()::unban));
    }

    private void list(Context ctx) {
        UserId caller = http.caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        QueryParams query = QueryParams.of(ctx, "cursor", "limit");
        ListMembersQuery q = ListMembersQuery.parse(caller, guild, query.string("cursor"), ListQueries.limit(query));
        ctx.json(GuildBodies.Members.of(uc.listMembers().list(q)));
    }

    private void updateRole(Context ctx) {
        MemberCommand target = target(ctx);
        JsonObjectReader body = http.bodies().object(ctx);
        LegacyRole role = BodyFields.requiredEnum(body, "role", LegacyRole::fromWire);
        body.finish();
        uc.updateMemberRole().update(new UpdateMemberRoleCommand(target, role));
        ctx.json(Accepted.YES);
    }

    private void bans(Context ctx) {
        UserId caller = http.caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        QueryParams query = QueryParams.of(ctx, "cursor", "limit");
        ListBansQuery q = ListBansQuery.parse(caller, guild, query.string("cursor"), ListQueries.limit(query));
        ctx.json(GuildBodies.Bans.of(uc.listBans().list(q)));
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
        UserId caller = http.caller(ctx);
        MemberCommand command = new MemberCommand(caller, PathIds.guild(ctx), PathIds.user(ctx));
        ListQueries.none(ctx);
        return command;
    }
}
