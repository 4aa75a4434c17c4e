package dev.filament.http.guild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.guild.service.GuildGraph;
import dev.filament.application.guild.service.GuildServices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.identity.fakes.InMemorySessionRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.RecordingAuthEvents;
import dev.filament.application.identity.fakes.RecordingIpObservationRecorder;
import dev.filament.application.identity.service.AuthenticateRequestService;
import dev.filament.application.shared.RateLimiter;
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
import dev.filament.http.json.JacksonPayloadSerializer;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.testing.HttpFixture;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The guild use cases wired as bootstrap does over the application test-jar fakes (pinned clock), served through
 * the shared {@link HttpFixture} (fake access tokens over in-memory sessions; {@code 127.0.0.1} as a trusted proxy so a test
 * picks its client IP with {@code X-Forwarded-For}). Tests talk HTTP through {@link #http}.
 */
public final class GuildHttpFixture implements AutoCloseable {
    final GuildFixture guilds = new GuildFixture();
    final RecordingIpObservationRecorder observations = new RecordingIpObservationRecorder();
    final GuildServices useCases;
    public final HttpFixture http;

    public GuildHttpFixture() {
        this(1_000, 1_000, true);
    }

    GuildHttpFixture(int joinPerIp, int joinPerUser, boolean trustLoopbackProxy) {
        RateLimiter joinIp = new RateLimiter(LimitPolicy.slidingWindow("directory_join_ip", joinPerIp, 60),
                guilds.clock);
        RateLimiter joinUser = new RateLimiter(LimitPolicy.slidingWindow("directory_join_user", joinPerUser, 60),
                guilds.clock);
        // As bootstrap wires it: the guild services with the real serializer and the limiters.
        useCases = GuildGraph.of(guilds.store, guilds.settings, guilds.ids, guilds.clock, guilds.handOffs,
                new JacksonPayloadSerializer(new Json()), guilds.handOffs, guilds.handOffs, guilds.handOffs)
                .services(joinIp, joinUser, observations);
        HttpFixture.Builder builder = HttpFixture.builder().perMinute(100_000).tokenBaselineKey();
        if (trustLoopbackProxy) {
            builder.trust("127.0.0.1/32");
        }
        BearerAuthenticator auth = builder.auth();
        JsonBodies bodies = builder.bodies();
        GuildServices u = useCases;
        builder.routes(new GuildRoutes(auth, bodies, u.createGuild(), u.listGuilds(), u.listPublicGuilds(),
                        u.updateGuild(), u.joinGuild(), u.listAudit()))
                .routes(new MemberRoutes(auth, bodies, u.addMember(), u.kickMember(), u.banMember(), u.unban(),
                        u.listMembers(), u.updateMemberRole(), u.listBans()))
                .routes(new RoleRoutes(auth, bodies, u.deleteRole(), u.assignRole(), u.unassignRole(), u.listRoles(),
                        u.createRole(), u.updateRole(), u.reorderRoles(), u.setDefaultJoinRole()))
                .routes(new ChannelRoutes(auth, bodies, u.createChannel(), u.listChannels(), u.getSelfPermissions(),
                        u.upsertChannelOverride()))
                .routes(new IpBanRoutes(auth, bodies, u.listIpBans(), u.createIpBansByUser(), u.deleteIpBan()));
        http = builder.start();
    }

    /** A registered user (identity and guild tables) with a live session. */
    Caller user() {
        Caller c = http.user(guilds.ids.newUserId());
        guilds.db.addUser(c.id());
        return c;
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

    /** Audit actions written for {@code guild}, oldest first. */
    List<String> auditActions(GuildId guild) {
        return guilds.db.auditRows().stream().filter(e -> e.guildId().equals(guild))
                .map(e -> e.action().wire()).toList();
    }

    /** A fingerprint of every guild table, to prove later that a rejected request wrote nothing. */
    String snapshot() {
        return guilds.db.fingerprint();
    }

    void assertUnchanged(String snapshot) {
        assertThat(guilds.db.fingerprint().equals(snapshot)).as("no guild table changed").isTrue();
    }

    @Override
    public void close() {
        http.close();
    }
}
