package dev.filament.http.people;

import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.identity.port.in.GetProfileUseCase;
import dev.filament.application.identity.port.in.GetProfileUseCase.GetProfileQuery;
import dev.filament.application.identity.port.in.UpdateProfileUseCase;
import dev.filament.application.identity.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.http.RequestAttributes;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.routes.PathIds;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import io.javalin.http.Context;
import java.util.Optional;

/** SPEC 4.5: read any profile, update one's own. */
public final class ProfileRoutes implements RouteModule {
    private final BearerAuthenticator auth;
    private final JsonBodies bodies;
    private final PeopleLimiters limiters;
    private final GetProfileUseCase getProfile;
    private final UpdateProfileUseCase updateProfile;
    private final MarkdownTokenizer markdown;

    public ProfileRoutes(BearerAuthenticator auth, JsonBodies bodies, PeopleLimiters limiters,
                         GetProfileUseCase getProfile, UpdateProfileUseCase updateProfile,
                         MarkdownTokenizer markdown) {
        this.auth = auth;
        this.bodies = bodies;
        this.limiters = limiters;
        this.getProfile = getProfile;
        this.updateProfile = updateProfile;
        this.markdown = markdown;
    }

    @Override
    public void register(Router router) {
        router.patch("/users/me/profile", this::update);
        router.get("/users/{u}/profile", this::get);
    }

    private void get(Context ctx) {
        auth.authenticate(ctx);
        GetProfileQuery query = new GetProfileQuery(PathIds.user(ctx));
        QueryParams.of(ctx);
        ctx.json(PeopleBodies.Profile.of(getProfile.get(query), markdown));
    }

    // SPEC 2.6: the profile_update limiter runs before authentication and before the body is read
    private void update(Context ctx) {
        limiters.profileUpdate().acquire(RequestAttributes.clientIp(ctx).address().networkKey());
        AuthenticatedUser caller = auth.authenticate(ctx);
        QueryParams.of(ctx);
        JsonObjectReader body = bodies.object(ctx);
        Optional<String> username = body.optionalString("username");
        Optional<String> about = body.optionalString("about_markdown");
        body.finish();
        ctx.json(PeopleBodies.Profile.of(updateProfile.update(new UpdateProfileCommand(caller, username, about)),
                markdown));
    }
}
