package dev.filament.http.auth;

import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.identity.port.in.GetMeUseCase;
import dev.filament.application.identity.port.in.LoginUserUseCase.LoginUserCommand;
import dev.filament.application.identity.port.in.LogoutSessionUseCase.LogoutSessionCommand;
import dev.filament.application.identity.port.in.LookupUsersUseCase.LookupUsersQuery;
import dev.filament.application.identity.port.in.RefreshSessionUseCase.RefreshSessionCommand;
import dev.filament.application.identity.port.in.RegisterUserUseCase.RegisterUserCommand;
import dev.filament.application.identity.port.out.UserRepository.UserSummary;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.net.ClientIp;
import dev.filament.http.RequestAttributes;
import dev.filament.http.json.Accepted;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.people.PeopleBodies;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import io.javalin.http.Context;
import java.util.List;

/** SPEC 4.3: register, login, refresh, logout, me and user lookup. */
public final class AuthRoutes implements RouteModule {
    private final IdentityApi api;
    private final AuthLimiters limiters;
    private final JsonBodies bodies;
    private final BearerAuthenticator auth;
    private final MarkdownTokenizer markdown;

    public AuthRoutes(IdentityApi api, AuthLimiters limiters, JsonBodies bodies, BearerAuthenticator auth,
                      MarkdownTokenizer markdown) {
        this.api = api;
        this.limiters = limiters;
        this.bodies = bodies;
        this.auth = auth;
        this.markdown = markdown;
    }

    @Override
    public void register(Router router) {
        router.post("/auth/register", this::register);
        router.post("/auth/login", this::login);
        router.post("/auth/refresh", this::refresh);
        router.post("/auth/logout", this::logout);
        router.get("/auth/me", this::me);
        router.post("/users/lookup", this::lookup);
    }

    /** SPEC 1.10: no query parameters are defined here (400 for any), then the route's limiter by client IP. */
    private static ClientIp limitByIp(Context ctx, RateLimiter limiter) {
        QueryParams.of(ctx);
        ClientIp ip = RequestAttributes.clientIp(ctx);
        limiter.acquire(ip.address().networkKey());
        return ip;
    }

    private void register(Context ctx) {
        ClientIp ip = limitByIp(ctx, limiters.register());
        JsonObjectReader body = bodies.object(ctx);
        String username = body.requiredString("username");
        String password = body.requiredString("password");
        String captchaToken = body.optionalString("captcha_token").orElse(null); // 422 unless string or null
        body.finish();
        api.register().register(new RegisterUserCommand(username, password, ip, captchaToken));
        ctx.json(Accepted.YES);
    }

    private void login(Context ctx) {
        ClientIp ip = limitByIp(ctx, limiters.login());
        JsonObjectReader body = bodies.object(ctx);
        String username = body.requiredString("username");
        String password = body.requiredString("password");
        body.finish();
        ctx.json(AuthBodies.Tokens.of(api.login().login(new LoginUserCommand(username, password, ip))));
    }

    private void refresh(Context ctx) {
        ClientIp ip = limitByIp(ctx, limiters.refresh());
        String token = refreshToken(ctx);
        ctx.json(AuthBodies.Tokens.of(api.refresh().refresh(new RefreshSessionCommand(token, ip))));
    }

    private void logout(Context ctx) {
        ClientIp ip = limitByIp(ctx, limiters.logout());
        String token = refreshToken(ctx);
        api.logout().logout(new LogoutSessionCommand(token, ip));
        ctx.status(204);
    }

    private String refreshToken(Context ctx) {
        JsonObjectReader body = bodies.object(ctx);
        String token = body.requiredString("refresh_token");
        body.finish();
        return token;
    }

    private void me(Context ctx) {
        AuthenticatedUser caller = auth.authenticate(ctx);
        QueryParams.of(ctx);
        ctx.json(PeopleBodies.Profile.of(api.me().getMe(new GetMeUseCase.GetMeQuery(caller)), markdown));
    }

    private void lookup(Context ctx) {
        auth.authenticate(ctx);
        QueryParams.of(ctx);
        JsonObjectReader body = bodies.object(ctx);
        List<String> ids = body.requiredStringList("user_ids");
        body.finish();
        ctx.json(AuthBodies.Users.of(api.lookup().lookup(new LookupUsersQuery(ids))));
    }
}
