package dev.filament.http.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filament.application.fakes.InMemoryUnitOfWork;
import dev.filament.application.guild.GuildSettings;
import dev.filament.application.guild.port.Channel;
import dev.filament.application.identity.fakes.InMemorySessionRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.RecordingAuthEvents;
import dev.filament.application.identity.service.AuthenticateRequestService;
import dev.filament.application.message.service.MessageFixture;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.RefreshTokenHash;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.TokenKey;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import dev.filament.http.TestServer;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.auth.TokenBaselineKey;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.search.SearchRoutes;
import dev.filament.http.security.JwtTokenService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/**
 * The message and search routes over a real Javalin test server: the use cases wired over the application's
 * in-memory fakes ({@link MessageFixture}), identity with real JWTs over in-memory sessions, and {@code 127.0.0.1} as
 * a trusted proxy so a test picks its client IP with {@code X-Forwarded-For}.
 */
public final class MessageHttpFixture implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    public final MessageFixture app = new MessageFixture(GuildSettings.defaults(), null);
    public final InMemoryUserRepository users = new InMemoryUserRepository();
    public final InMemorySessionRepository sessions = new InMemorySessionRepository(users);
    public final JwtTokenService tokens;
    public final TestServer server;

    /** A user with a live session and its bearer token. */
    public record Caller(UserId id, String token) {
    }

    public MessageHttpFixture() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        tokens = new JwtTokenService(TokenKey.of(key));
        Clock system = Clock.systemUTC();
        BearerAuthenticator auth = new BearerAuthenticator(new AuthenticateRequestService(tokens, sessions,
                new InMemoryUnitOfWork(), new RecordingAuthEvents(), system));
        server = TestServer.builder().perMinute(100_000).baselineKey(new TokenBaselineKey(tokens, system))
                .trust("127.0.0.1/32")
                .routes(new MessageRoutes(app.useCases.create(), app.useCases.list(), app.useCases.edit(),
                        app.useCases.delete(), auth, new JsonBodies(new Json(), 1_048_576)))
                .routes(new SearchRoutes(app.search.search(), app.search.rebuild(), app.search.reconcile(), auth))
                .start();
    }

    /** A registered user (identity and guild tables) with a live session. */
    public Caller user() {
        UserId id = app.guilds.ids.newUserId();
        Instant now = Instant.now();
        Username name = new Username("u_" + id.value().substring(14));
        users.insertIfAbsent(User.register(id, name, new PasswordHash("$test$hash"), now));
        SessionId sid = new SessionId(app.guilds.ids.next());
        byte[] refresh = new byte[32];
        RANDOM.nextBytes(refresh);
        sessions.create(Session.start(sid, id, RefreshTokenHash.of(refresh), now));
        app.guilds.db.addUser(id);
        return new Caller(id, tokens.issue(AccessClaims.issue(id, sid, name, now)));
    }

    public GuildId guild(Caller owner) {
        return app.newGuild(owner.id()).id();
    }

    public Channel channel(GuildId guild) {
        return app.newChannel(guild);
    }

    /** A new user made a member of {@code guild}, holding these seeded roles explicitly. */
    public Caller member(GuildId guild, SystemRoleKey... roles) {
        Caller c = user();
        app.guilds.store.tx(() -> app.guilds.store.members().insertIfAbsent(guild, c.id(),
                app.guilds.clock.instant()));
        for (SystemRoleKey key : roles) {
            app.guilds.assign(guild, app.guilds.seeded(guild, key), c.id());
        }
        return c;
    }

    public static String messagesPath(GuildId guild, Channel channel) {
        return "/guilds/" + guild + "/channels/" + channel.id() + "/messages";
    }

    public HttpResponse<String> send(String method, String path, Caller caller, String json, String... headers)
            throws Exception {
        HttpRequest.Builder r = server.request(path);
        if (caller != null) {
            r.header("Authorization", "Bearer " + caller.token());
        }
        if (headers.length > 0) {
            r.headers(headers);
        }
        if (json == null) {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return server.send(r);
    }

    /** The response's JSON after asserting its status and content type. */
    public static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    /** Asserts the error model of SPEC 1.7: exactly {@code error} and {@code request_id}. */
    public static void error(HttpResponse<String> r, int status, String code) throws Exception {
        JsonNode body = json(r, status);
        assertThat(body.get("error").asText()).as(r.body()).isEqualTo(code);
        assertThat(body.size()).isEqualTo(2);
    }

    /** The JSON string literal of {@code text}, escaped. */
    public static String quote(String text) throws Exception {
        return JSON.writeValueAsString(text);
    }

    @Override
    public void close() {
        server.close();
    }
}
