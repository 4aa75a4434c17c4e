package dev.filament.http.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filament.application.fakes.InMemoryUnitOfWork;
import dev.filament.application.gateway.RecordingGatewayEventPublisher;
import dev.filament.application.guild.GuildFixture;
import dev.filament.application.guild.port.Channel;
import dev.filament.application.identity.fakes.InMemorySessionRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.RecordingAuthEvents;
import dev.filament.application.identity.service.AuthenticateRequestService;
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.application.voice.fakes.SimpleVoiceRegistry;
import dev.filament.application.voice.port.out.VoiceTokenIssuer;
import dev.filament.application.voice.service.IssueVoiceTokenService;
import dev.filament.application.voice.service.LeaveVoiceService;
import dev.filament.application.voice.service.UpdateVoiceStateService;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
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
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.domain.voice.VoiceRoom;
import dev.filament.http.TestServer;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.auth.TokenBaselineKey;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.security.JwtTokenService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/**
 * The voice routes over a real Javalin test server, wired by constructor as bootstrap does: the voice services over
 * the guild fakes (pinned clock), the real {@link LiveKitJwtIssuer} with a test secret (or the unconfigured issuer), a
 * simple registry publishing to a recorder, and identity with real JWTs over in-memory sessions. {@code 127.0.0.1}
 * is a trusted proxy, so {@code X-Forwarded-For} picks the client IP.
 */
final class VoiceHttpFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API_KEY = "APIvoiceKey";
    static final String API_SECRET = "voice-route-test-secret-of-reasonable-length-42";
    static final String URL = "wss://livekit.example.test";
    private static final SecureRandom RANDOM = new SecureRandom();

    final GuildFixture guilds = new GuildFixture();
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemorySessionRepository sessions = new InMemorySessionRepository(users);
    final RecordingGatewayEventPublisher events = new RecordingGatewayEventPublisher();
    final SimpleVoiceRegistry registry = new SimpleVoiceRegistry(events);
    final JwtTokenService tokens;
    final TestServer server;

    /** A user with a live session, its bearer token and its username. */
    record Caller(UserId id, String token, Username name) {
    }

    VoiceHttpFixture(boolean liveKitConfigured, int tokenQuota) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        tokens = new JwtTokenService(TokenKey.of(key));
        VoiceTokenIssuer issuer = liveKitConfigured
                ? new LiveKitJwtIssuer(new LiveKitCredentials(API_KEY, API_SECRET, URL))
                : VoiceTokenIssuer.UNCONFIGURED;
        RateLimiter tokenLimiter = new RateLimiter(LimitPolicy.slidingWindow("voice_token", tokenQuota, 60),
                guilds.clock);
        RateLimiter publishLimiter = new RateLimiter(LimitPolicy.slidingWindow("voice_publish", 1_000, 60),
                guilds.clock);
        Clock system = Clock.systemUTC();
        BearerAuthenticator auth = new BearerAuthenticator(new AuthenticateRequestService(tokens, sessions,
                new InMemoryUnitOfWork(), new RecordingAuthEvents(), system));
        var ladder = guilds.kit.ladder();
        VoiceRoutes routes = new VoiceRoutes(new IssueVoiceTokenService(ladder, guilds.unitOfWork, guilds.kit.audits(),
                guilds.kit.handOffs(), guilds.clock, registry, issuer, tokenLimiter, publishLimiter),
                new LeaveVoiceService(ladder, guilds.unitOfWork, registry, guilds.clock),
                new UpdateVoiceStateService(ladder, guilds.unitOfWork, registry, guilds.clock),
                auth, new JsonBodies(new Json(), 1_048_576));
        server = TestServer.builder().perMinute(100_000).baselineKey(new TokenBaselineKey(tokens, system))
                .trust("127.0.0.1/32")
                .routes(routes)
                .start();
    }

    /** A registered user (identity and guild tables) with a live session. */
    Caller user() {
        UserId id = guilds.ids.newUserId();
        Instant now = Instant.now();
        Username name = new Username("u_" + id.value().substring(14));
        users.insertIfAbsent(User.register(id, name, new PasswordHash("$test$hash"), now));
        SessionId sid = new SessionId(guilds.ids.next());
        byte[] refresh = new byte[32];
        RANDOM.nextBytes(refresh);
        sessions.create(Session.start(sid, id, RefreshTokenHash.of(refresh), now));
        guilds.db.addUser(id);
        return new Caller(id, tokens.issue(AccessClaims.issue(id, sid, name, now)), name);
    }

    GuildId guild(Caller owner) {
        return guilds.newGuild(owner.id()).id();
    }

    Caller member(GuildId guild, SystemRoleKey... roles) {
        Caller c = user();
        guilds.store.tx(() -> guilds.store.members().insertIfAbsent(guild, c.id(), guilds.clock.instant()));
        for (SystemRoleKey key : roles) {
            guilds.assign(guild, guilds.seeded(guild, key), c.id());
        }
        return c;
    }

    Channel channel(GuildId guild, ChannelKind kind) {
        Channel c = new Channel(guilds.ids.newChannelId(), guild, ChannelName.of("v" + guilds.ids.next()
                .substring(20)), kind, guilds.clock.instant());
        guilds.store.tx(() -> {
            guilds.store.channels().insert(c);
            return null;
        });
        return c;
    }

    static String path(GuildId guild, Channel channel, String action) {
        return "/guilds/" + guild + "/channels/" + channel.id() + "/voice/" + action;
    }

    static VoiceRoom room(GuildId guild, Channel channel) {
        return VoiceRoom.of(guild, channel.id());
    }

    HttpResponse<String> post(String path, Caller caller, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder r = server.request(path);
        if (caller != null) {
            r.header("Authorization", "Bearer " + caller.token());
        }
        if (headers.length > 0) {
            r.headers(headers);
        }
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        r.method("POST", body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return server.send(r);
    }

    HttpResponse<String> postJson(String path, Caller caller, String json, String... headers) throws Exception {
        return post(path, caller, "application/json", json, headers);
    }

    /** The response's JSON after asserting its status. */
    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    /** Asserts the error model of SPEC 1.7: exactly {@code error} and {@code request_id}. */
    static void error(HttpResponse<String> r, int status, String code) throws Exception {
        JsonNode body = json(r, status);
        assertThat(body.get("error").asText()).as(r.body()).isEqualTo(code);
        assertThat(body.size()).isEqualTo(2);
    }

    static void noContent(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    @Override
    public void close() {
        server.close();
    }
}
