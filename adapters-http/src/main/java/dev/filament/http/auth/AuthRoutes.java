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
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.domain.message.MarkdownToken;
import dev.filament.domain.net.ClientIp;
import dev.filament.http.RequestAttributes;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        limiter.acquire(ip.address().toString());
        return ip;
    }

    private void register(Context ctx) {
        ClientIp ip = limitByIp(ctx, limiters.register());
        JsonObjectReader body = bodies.object(ctx);
        String username = body.requiredString("username");
        String password = body.requiredString("password");
        body.optionalString("captcha_token"); // Phase 2: accepted and ignored
        body.finish();
        api.register().register(new RegisterUserCommand(username, password, ip));
        ctx.json(Map.of("accepted", true));
    }

    private void login(Context ctx) {
        ClientIp ip = limitByIp(ctx, limiters.login());
        JsonObjectReader body = bodies.object(ctx);
        String username = body.requiredString("username");
        String password = body.requiredString("password");
        body.finish();
        ctx.json(authResponse(api.login().login(new LoginUserCommand(username, password, ip))));
    }

    private void refresh(Context ctx) {
        ClientIp ip = limitByIp(ctx, limiters.refresh());
        String token = refreshToken(ctx);
        ctx.json(authResponse(api.refresh().refresh(new RefreshSessionCommand(token, ip))));
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
        GetMeUseCase.Me me = api.me().getMe(new GetMeUseCase.GetMeQuery(caller));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", me.userId().value());
        out.put("username", me.username().value());
        out.put("about_markdown", me.aboutMarkdown());
        out.put("about_markdown_tokens", markdown.tokenize(me.aboutMarkdown()).stream().map(MarkdownToken::toWire)
                .toList());
        out.put("avatar_version", me.avatarVersion());
        out.put("banner_version", me.bannerVersion());
        ctx.json(out);
    }

    private void lookup(Context ctx) {
        auth.authenticate(ctx);
        QueryParams.of(ctx);
        JsonObjectReader body = bodies.object(ctx);
        List<String> ids = body.requiredStringList("user_ids");
        body.finish();
        List<Map<String, Object>> users = api.lookup().lookup(new LookupUsersQuery(ids)).stream()
                .map(AuthRoutes::summary).toList();
        ctx.json(Map.of("users", users));
    }

    private static Map<String, Object> summary(UserSummary u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", u.userId().value());
        out.put("username", u.username().value());
        out.put("avatar_version", u.avatarVersion());
        return out;
    }

    private static Map<String, Object> authResponse(AuthResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", r.accessToken());
        out.put("refresh_token", r.refreshToken().value());
        out.put("expires_in_secs", r.expiresInSecs());
        return out;
    }
}
