package dev.filament.http.people;

import dev.filament.application.friend.port.in.AcceptFriendRequestUseCase;
import dev.filament.application.friend.port.in.AcceptFriendRequestUseCase.AcceptFriendRequestCommand;
import dev.filament.application.friend.port.in.DeleteFriendRequestUseCase;
import dev.filament.application.friend.port.in.DeleteFriendRequestUseCase.DeleteFriendRequestCommand;
import dev.filament.application.friend.port.in.ListFriendRequestsUseCase;
import dev.filament.application.friend.port.in.ListFriendsUseCase;
import dev.filament.application.friend.port.in.RemoveFriendUseCase;
import dev.filament.application.friend.port.in.RemoveFriendUseCase.RemoveFriendCommand;
import dev.filament.application.friend.port.in.SendFriendRequestUseCase;
import dev.filament.application.friend.port.in.SendFriendRequestUseCase.SendFriendRequestCommand;
import dev.filament.domain.id.FriendRequestId;
import dev.filament.domain.id.UserId;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.Accepted;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.routes.PathIds;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import io.javalin.http.Context;

/** SPEC 4.6: the six friend routes. */
public final class FriendRoutes implements RouteModule {
    private final BearerAuthenticator auth;
    private final JsonBodies bodies;
    private final PeopleLimiters limiters;
    private final FriendApi api;

    /** The friend use cases the routes call. */
    public record FriendApi(ListFriendsUseCase list, ListFriendRequestsUseCase requests, SendFriendRequestUseCase send,
                            AcceptFriendRequestUseCase accept, DeleteFriendRequestUseCase delete,
                            RemoveFriendUseCase remove) {
    }

    public FriendRoutes(BearerAuthenticator auth, JsonBodies bodies, PeopleLimiters limiters, FriendApi api) {
        this.auth = auth;
        this.bodies = bodies;
        this.limiters = limiters;
        this.api = api;
    }

    @Override
    public void register(Router router) {
        router.get("/friends", this::list);
        router.delete("/friends/{u}", this::remove);
        router.get("/friends/requests", this::requests);
        router.post("/friends/requests", this::send);
        router.post("/friends/requests/{id}/accept", this::accept);
        router.delete("/friends/requests/{id}", this::delete);
    }

    private UserId caller(Context ctx) {
        return auth.authenticate(ctx).userId();
    }

    private void list(Context ctx) {
        UserId caller = caller(ctx);
        QueryParams.of(ctx);
        ctx.json(PeopleBodies.Friends.of(api.list().list(caller)));
    }

    private void requests(Context ctx) {
        UserId caller = caller(ctx);
        QueryParams.of(ctx);
        ctx.json(PeopleBodies.Requests.of(api.requests().list(caller)));
    }

    private void send(Context ctx) {
        UserId caller = caller(ctx);
        QueryParams.of(ctx);
        limiters.friendRequest().acquire("user:" + caller.value());
        JsonObjectReader body = bodies.object(ctx);
        String recipient = body.requiredString("recipient_user_id");
        body.finish();
        ctx.json(PeopleBodies.Created.of(api.send().send(new SendFriendRequestCommand(caller, recipient))));
    }

    private void accept(Context ctx) {
        UserId caller = caller(ctx);
        FriendRequestId id = new FriendRequestId(PathIds.ulid(ctx, "id"));
        QueryParams.of(ctx);
        api.accept().accept(new AcceptFriendRequestCommand(caller, id));
        ctx.json(Accepted.YES);
    }

    private void delete(Context ctx) {
        UserId caller = caller(ctx);
        FriendRequestId id = new FriendRequestId(PathIds.ulid(ctx, "id"));
        QueryParams.of(ctx);
        api.delete().delete(new DeleteFriendRequestCommand(caller, id));
        ctx.status(204);
    }

    private void remove(Context ctx) {
        UserId caller = caller(ctx);
        UserId friend = PathIds.user(ctx);
        QueryParams.of(ctx);
        api.remove().remove(new RemoveFriendCommand(caller, friend));
        ctx.status(204);
    }
}
