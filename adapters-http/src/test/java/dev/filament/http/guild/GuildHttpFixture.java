package dev.filament.http.guild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filament.application.fakes.InMemoryUnitOfWork;
import dev.filament.application.guild.GuildFixture;
import dev.filament.application.guild.GuildUseCases;
import dev.filament.application.identity.fakes.InMemorySessionRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.RecordingAuthEvents;
import dev.filament.application.identity.fakes.RecordingIpObservationRecorder;
import dev.filament.application.identity.service.AuthenticateRequestService;
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.ipban.IpObservation;
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
import dev.filament.domain.net.IpAddress;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.TestServer;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.auth.TokenBaselineKey;
import dev.filament.http.json.JacksonPayloadSerializer;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.security.JwtTokenService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The guild routes over a real Javalin test server: guild use cases wired as bootstrap does over the application
 * test-jar fakes (pinned clock), identity with real JWTs over in-memory sessions (like the auth tests' fixture), and
 * {@code 127.0.0.1} as a trusted proxy so a test picks its client IP with {@code X-Forwarded-For}.
 */
final class GuildHttpFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    final GuildFixture guilds = new GuildFixture();
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemorySessionRepository sessions = new InMemorySessionRepository(users);
    final RecordingIpObservationRecorder observations = new RecordingIpObservationRecorder();
    final JwtTokenService tokens;
    final GuildUseCases useCases;
    final TestServer server;

    /** A user with a live session and its bearer token. */
    record Caller(UserId id, String token) {
    }

    GuildHttpFixture() {
        this(1_000, 1_000, true);
    }

    GuildHttpFixture(int joinPerIp, int joinPerUser, boolean trustLoopbackProxy) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        tokens = new JwtTokenService(TokenKey.of(key));
        RateLimiter joinIp = new RateLimiter(LimitPolicy.slidingWindow("directory_join_ip", joinPerIp, 60),
                guilds.clock);
        RateLimiter joinUser = new RateLimiter(LimitPolicy.slidingWindow("directory_join_user", joinPerUser, 60),
                guilds.clock);
        // As bootstrap wires it: GuildUseCases.kit(...) with the real serializer, then create(...) with the limiters.
        useCases = GuildUseCases.create(GuildUseCases.kit(guilds.store, guilds.settings, guilds.ids, guilds.clock,
                guilds.handOffs, new JacksonPayloadSerializer(new Json()), guilds.handOffs, guilds.handOffs,
                guilds.handOffs), joinIp, joinUser, observations);
        Clock system = Clock.systemUTC();
        BearerAuthenticator auth = new BearerAuthenticator(new AuthenticateRequestService(tokens, sessions,
                new InMemoryUnitOfWork(), new RecordingAuthEvents(), system));
        GuildHttp http = new GuildHttp(useCases, auth, new JsonBodies(new Json(), 1_048_576));
        TestServer.Builder builder = TestServer.builder().perMinute(100_000)
                .baselineKey(new TokenBaselineKey(tokens, system));
        if (trustLoopbackProxy) {
            builder.trust("127.0.0.1/32");
        }
        http.modules().forEach(builder::routes);
        server = builder.start();
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
        return new Caller(id, tokens.issue(AccessClaims.issue(id, sid, name, now)));
    }

    /** A guild created through the use case, owned by {@code owner}. */
    GuildId guild(Caller owner, Visibility visibility) {
        return guilds.newGuild(owner.id(), visibility).id();
    }

    /** A new user made a member of {@code guild}, holding these seeded roles explicitly. */
    Caller member(GuildId guild, SystemRoleKey... roles) {
        Caller c = user();
        guilds.store.tx(() -> guilds.store.members().insertIfAbsent(guild, c.id(), guilds.clock.instant()));
        for (SystemRoleKey key : roles) {
            guilds.assign(guild, guilds.seeded(guild, key), c.id());
        }
        return c;
    }

    /** Test setup: {@code user} was seen from {@code address} (what a login or join records, SPEC 6.5). */
    void observe(Caller user, String address) {
        guilds.db.observe(IpObservation.seen(user.id(), IpAddress.parse(address).orElseThrow(),
                guilds.clock.instant()));
    }

    /** The header that makes the trusted loopback proxy report {@code address} as the client. */
    static String[] from(String address) {
        return new String[] {"X-Forwarded-For", address};
    }

    /** Audit actions written for {@code guild}, oldest first. */
    List<String> auditActions(GuildId guild) {
        return guilds.db.auditRows().stream().filter(e -> e.guildId().equals(guild))
                .map(e -> e.action().wire()).toList();
    }

    HttpResponse<String> send(String method, String path, Caller caller, String json, String... headers)
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

    HttpResponse<String> get(String path, Caller caller, String... headers) throws Exception {
        return send("GET", path, caller, null, headers);
    }

    HttpResponse<String> post(String path, Caller caller, String json, String... headers) throws Exception {
        return send("POST", path, caller, json, headers);
    }

    /** The response's JSON after asserting its status. */
    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    /** Asserts {@code 200 Accepted = {"accepted": true}}. */
    static void accepted(HttpResponse<String> r) throws Exception {
        assertThat(json(r, 200)).isEqualTo(tree("{\"accepted\":true}"));
        assertThat(r.body()).isEqualTo("{\"accepted\":true}");
    }

    /** Asserts the error model of SPEC 1.7: exactly {@code error} and {@code request_id}. */
    static void error(HttpResponse<String> r, int status, String code) throws Exception {
        JsonNode body = json(r, status);
        assertThat(body.get("error").asText()).as(r.body()).isEqualTo(code);
        assertThat(body.size()).isEqualTo(2);
        assertThat(body.has("request_id")).isTrue();
    }

    /** A fingerprint of every guild table, to prove later that a rejected request wrote nothing. */
    String snapshot() {
        return guilds.db.fingerprint();
    }

    void assertUnchanged(String snapshot) {
        assertThat(guilds.db.fingerprint().equals(snapshot)).as("no guild table changed").isTrue();
    }

    static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Override
    public void close() {
        server.close();
    }
}
