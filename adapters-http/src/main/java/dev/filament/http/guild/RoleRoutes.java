package dev.filament.http.guild;

import dev.filament.application.guild.port.in.AssignRoleUseCase;
import dev.filament.application.guild.port.in.CreateRoleUseCase.CreateRoleCommand;
import dev.filament.application.guild.port.in.CreateRoleUseCase;
import dev.filament.application.guild.port.in.DeleteRoleUseCase;
import dev.filament.application.guild.port.in.ListRolesUseCase.RolesResult;
import dev.filament.application.guild.port.in.ListRolesUseCase;
import dev.filament.application.guild.port.in.ReorderRolesUseCase.ReorderRolesCommand;
import dev.filament.application.guild.port.in.ReorderRolesUseCase;
import dev.filament.application.guild.port.in.RoleAssignmentCommand;
import dev.filament.application.guild.port.in.RoleCommand;
import dev.filament.application.guild.port.in.SetDefaultJoinRoleUseCase.SetDefaultJoinRoleCommand;
import dev.filament.application.guild.port.in.SetDefaultJoinRoleUseCase;
import dev.filament.application.guild.port.in.UnassignRoleUseCase;
import dev.filament.application.guild.port.in.UpdateRoleUseCase.UpdateRoleCommand;
import dev.filament.application.guild.port.in.UpdateRoleUseCase;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.json.TriState;
import dev.filament.http.routes.PathIds;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import dev.filament.application.wire.RoleShape;
import dev.filament.http.json.Accepted;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** SPEC 5.9: list, create, patch, delete, reorder roles, set the default join role, assign and unassign. */
public final class RoleRoutes implements RouteModule {
    private final BearerAuthenticator auth;
    private final JsonBodies bodies;
    private final DeleteRoleUseCase deleteRole;
    private final AssignRoleUseCase assignRole;
    private final UnassignRoleUseCase unassignRole;
    private final ListRolesUseCase listRoles;
    private final CreateRoleUseCase createRole;
    private final UpdateRoleUseCase updateRole;
    private final ReorderRolesUseCase reorderRoles;
    private final SetDefaultJoinRoleUseCase setDefaultJoinRole;

    public RoleRoutes(BearerAuthenticator auth, JsonBodies bodies, DeleteRoleUseCase deleteRole,
                      AssignRoleUseCase assignRole, UnassignRoleUseCase unassignRole, ListRolesUseCase listRoles,
                      CreateRoleUseCase createRole, UpdateRoleUseCase updateRole, ReorderRolesUseCase reorderRoles,
                      SetDefaultJoinRoleUseCase setDefaultJoinRole) {
        this.auth = auth;
        this.bodies = bodies;
        this.deleteRole = deleteRole;
        this.assignRole = assignRole;
        this.unassignRole = unassignRole;
        this.listRoles = listRoles;
        this.createRole = createRole;
        this.updateRole = updateRole;
        this.reorderRoles = reorderRoles;
        this.setDefaultJoinRole = setDefaultJoinRole;
    }

    @Override
    public void register(Router router) {
        router.get("/guilds/{g}/roles", this::list);
        router.post("/guilds/{g}/roles", this::create);
        router.patch("/guilds/{g}/roles/{r}", this::update);
        router.delete("/guilds/{g}/roles/{r}", ctx -> {
            deleteRole.delete(role(ctx));
            ctx.json(Accepted.YES);
        });
        router.post("/guilds/{g}/roles/reorder", this::reorder);
        router.post("/guilds/{g}/roles/default", this::setDefault);
        router.post("/guilds/{g}/roles/{r}/members/{u}", ctx -> {
            assignRole.assign(assignment(ctx));
            ctx.json(Accepted.YES);
        });
        router.delete("/guilds/{g}/roles/{r}/members/{u}", ctx -> {
            unassignRole.unassign(assignment(ctx));
            ctx.json(Accepted.YES);
        });
    }

    private void list(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ListQueries.none(ctx);
        RolesResult result = listRoles.list(caller, guild);
        ctx.json(GuildBodies.Roles.of(result));
    }

    private void create(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ListQueries.none(ctx);
        JsonObjectReader body = bodies.object(ctx);
        String name = body.requiredString("name");
        PermissionSet permissions = BodyFields.requiredPermissions(body, "permissions");
        OptionalInt position = body.optionalLong("position")
                .map(p -> OptionalInt.of(BodyFields.saturatedInt(p))).orElse(OptionalInt.empty());
        Optional<String> color = body.optionalString("color_hex");
        body.finish();
        ctx.json(RoleShape.of(createRole.create(
                new CreateRoleCommand(caller, guild, name, permissions, position, color))));
    }

    private void update(Context ctx) {
        RoleCommand target = role(ctx);
        JsonObjectReader body = bodies.object(ctx);
        Optional<String> name = body.optionalString("name");
        Optional<PermissionSet> permissions = BodyFields.optionalPermissions(body, "permissions");
        UpdateRoleUseCase.ColorField color = colorField(body.triStateString("color_hex"));
        body.finish();
        ctx.json(RoleShape.of(updateRole.update(new UpdateRoleCommand(target, name, permissions, color))));
    }

    private static UpdateRoleUseCase.ColorField colorField(TriState<String> raw) {
        if (!raw.present()) {
            return new UpdateRoleUseCase.Absent();
        }
        return raw.value().<UpdateRoleUseCase.ColorField>map(UpdateRoleUseCase.Given::new)
                .orElseGet(UpdateRoleUseCase.Cleared::new);
    }

    private void reorder(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ListQueries.none(ctx);
        JsonObjectReader body = bodies.object(ctx);
        List<String> raw = body.requiredStringList("role_ids");
        body.finish();
        List<RoleId> ids = raw.stream().map(id -> RoleId.of(BodyFields.ulid("role_ids", id))).toList();
        reorderRoles.reorder(new ReorderRolesCommand(caller, guild, ids));
        ctx.json(Accepted.YES);
    }

    private void setDefault(Context ctx) {
        UserId caller = caller(ctx);
        GuildId guild = PathIds.guild(ctx);
        ListQueries.none(ctx);
        JsonObjectReader body = bodies.object(ctx);
        Optional<String> raw = body.requiredNullableString("role_id");
        body.finish();
        Optional<RoleId> role = raw.map(id -> RoleId.of(BodyFields.ulid("role_id", id)));
        setDefaultJoinRole.set(new SetDefaultJoinRoleCommand(caller, guild, role));
        ctx.json(Accepted.YES);
    }

    /** Steps 2-4 of {@code /guilds/{g}/roles/{r}}. */
    private RoleCommand role(Context ctx) {
        UserId caller = caller(ctx);
        RoleCommand command = new RoleCommand(caller, PathIds.guild(ctx), PathIds.role(ctx));
        ListQueries.none(ctx);
        return command;
    }

    /** Steps 2-4 of {@code /guilds/{g}/roles/{r}/members/{u}}; no body. */
    private RoleAssignmentCommand assignment(Context ctx) {
        UserId caller = caller(ctx);
        RoleAssignmentCommand command = new RoleAssignmentCommand(caller, PathIds.guild(ctx), PathIds.role(ctx),
                PathIds.user(ctx));
        ListQueries.none(ctx);
        return command;
    }

    /** Route step 2: the authenticated caller, else 401. */
    private UserId caller(Context ctx) {
        return auth.authenticate(ctx).userId();
    }
}
