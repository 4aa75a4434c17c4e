package dev.filament.http.voice;

import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static dev.filament.http.testing.HttpFixture.noContent;
import static dev.filament.http.voice.VoiceHttpFixture.path;
import static dev.filament.http.voice.VoiceHttpFixture.room;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.application.voice.fakes.RecordingVoiceTokenIssuer;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One server for the class (each test builds its own guild); the unconfigured-LiveKit case starts its own. */
class VoiceRoutesHttpTest {
    private static final int TOKEN_QUOTA = 2;
    private static VoiceHttpFixture fx;

    private final Caller owner = fx.user();
    private final GuildId guild = fx.guild(owner);
    private final Channel voice = fx.channel(guild, ChannelKind.VOICE);

    @BeforeAll
    static void start() {
        fx = new VoiceHttpFixture(true, TOKEN_QUOTA);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void forgetEarlierEvents() {
        fx.events.clear();
    }

    private List<VoiceParticipant> participants() {
        return fx.registry.participants(room(guild, voice));
    }

    private HttpResponse<String> token(Caller caller, String body) throws Exception {
        return fx.http.postJson(path(guild, voice, "token"), caller, body);
    }

    @Test
    void tokenAnswersTheSpecShape_andTheIssuerGetsRoomIdentityNameAndSources() throws Exception {
        Caller mod = fx.member(guild, SystemRoleKey.MODERATOR);

        HttpResponse<String> r = token(mod, "{\"can_subscribe\":true,"
                + "\"publish_sources\":[\"screen_share\",\"microphone\",\"screen_share\"]}");

        JsonNode body = json(r, 200);
        String room = "filament.voice." + guild + "." + voice.id();
        String identity = "u." + mod.id() + "." + guild + "." + voice.id();
        assertThat(body.fieldNames()).toIterable().containsExactly("token", "livekit_url", "room", "identity",
                "can_publish", "can_subscribe", "publish_sources", "expires_in_secs");
        assertThat(body.get("livekit_url").asText()).isEqualTo(RecordingVoiceTokenIssuer.URL);
        assertThat(body.get("room").asText()).isEqualTo(room);
        assertThat(body.get("identity").asText()).isEqualTo(identity);
        assertThat(body.get("can_publish").asBoolean()).isTrue();
        assertThat(body.get("can_subscribe").asBoolean()).isTrue();
        assertThat(body.get("publish_sources").toString()).isEqualTo("[\"microphone\",\"screen_share\"]");
        assertThat(body.get("expires_in_secs").asLong()).isEqualTo(300);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");

        // what the token carries is LiveKitJwtIssuerTest's concern (adapters-livekit); here: what the route asked for
        RecordingVoiceTokenIssuer.Minted minted = fx.issuer.minted().getLast();
        assertThat(body.get("token").asText()).isEqualTo(minted.token());
        assertThat(minted.identity().value()).isEqualTo(identity);
        assertThat(minted.identity().room().name()).isEqualTo(room);
        assertThat(minted.name()).isEqualTo(mod.name());
        assertThat(minted.now()).isEqualTo(fx.guilds.clock.instant());
        assertThat(minted.grant().canSubscribe()).isTrue();
        assertThat(minted.grant().sourceWireNames()).containsExactly("microphone", "screen_share");

        assertThat(participants()).extracting(VoiceParticipant::user).containsExactly(mod.id());
        assertThat(fx.events.events("voice_participant_join")).hasSize(1);
    }

    @Test
    void theAuditRowRecordsTheForwardedClientIpAndItsSource() throws Exception {
        Caller member = fx.member(guild);

        json(fx.http.postJson(path(guild, voice, "token"), member, "{}", "X-Forwarded-For", "198.51.100.23"), 200);

        assertThat(fx.guilds.db.auditRows()).filteredOn(e -> e.guildId().equals(guild))
                .filteredOn(e -> e.action() == AuditAction.MEDIA_TOKEN_ISSUE)
                .singleElement().extracting(AuditEntry::details)
                .isInstanceOfSatisfying(AuditDetails.MediaTokenIssued.class, d -> {
                    assertThat(d.clientIp()).isEqualTo("198.51.100.23");
                    assertThat(d.clientIpSource()).isEqualTo("forwarded");
                    assertThat(d.publishSources()).containsExactly("microphone");
                    assertThat(d.canSubscribe()).isFalse();
                });
    }

    @Test
    void nullMeansAbsent_soTheDefaultsApply() throws Exception {
        JsonNode body = json(token(fx.member(guild),
                "{\"can_publish\":null,\"can_subscribe\":null,\"publish_sources\":null}"), 200);

        assertThat(body.get("publish_sources").toString()).isEqualTo("[\"microphone\"]");
        assertThat(body.get("can_subscribe").asBoolean()).isFalse();
    }

    @Test
    void tokenBodySchemaErrors_are415_400_or422() throws Exception {
        Caller member = fx.member(guild);
        String p = path(guild, voice, "token");

        error(token(member, "{\"publish_sources\":[\"webcam\"]}"), 422, "invalid_request");
        error(token(member, "{\"publish_sources\":[null]}"), 422, "invalid_request");
        error(token(member, "{\"publish_sources\":\"microphone\"}"), 422, "invalid_request");
        error(token(member, "{\"can_publish\":\"yes\"}"), 422, "invalid_request");
        error(token(member, "{\"room\":\"x\"}"), 422, "invalid_request");
        error(token(member, "[]"), 422, "invalid_request");
        error(token(member, "{\"can_publish\":true,\"can_publish\":true}"), 400, "invalid_request");
        error(fx.http.sendRaw("POST", p, member, null, null), 415, "unsupported_media_type");
        error(fx.http.sendRaw("POST", p, member, "text/plain", "{}"), 415, "unsupported_media_type");
        assertThat(participants()).isEmpty();
    }

    @Test
    void authenticationComesBeforePathIds_andAMalformedPathUlidIs404() throws Exception {
        Caller member = fx.member(guild);
        String badGuild = "/guilds/not-a-ulid/channels/" + voice.id() + "/voice/token";
        String badChannel = "/guilds/" + guild + "/channels/8ZZZZZZZZZZZZZZZZZZZZZZZZZ/voice/leave";

        error(fx.http.postJson(badGuild, null, "{}"), 401, "invalid_credentials");
        error(fx.http.postJson(badGuild, member, "{}"), 404, "not_found");
        error(fx.http.postJson(badChannel, member, "{}"), 404, "not_found");
        error(fx.http.postJson(path(guild, voice, "state"), null, "{}"), 401, "invalid_credentials");
    }

    @Test
    void anyQueryParameterIs400_beforeTheBodyIsRead() throws Exception {
        Caller member = fx.member(guild);

        error(fx.http.sendRaw("POST", path(guild, voice, "token") + "?x=1", member, null, null), 400, "invalid_request");
        error(fx.http.sendRaw("POST", path(guild, voice, "leave") + "?x=1", member, null, null), 400, "invalid_request");
        error(fx.http.postJson(path(guild, voice, "state") + "?x=1", member, "{}"), 400, "invalid_request");
    }

    @Test
    void otherMethodsAre405() throws Exception {
        HttpResponse<String> r = fx.http.send(fx.http.request(path(guild, voice, "token")).GET());

        error(r, 405, "method_not_allowed");
        assertThat(r.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void ladderAndRuleFailuresMapToTheirStatuses() throws Exception {
        Channel text = fx.channel(guild, ChannelKind.TEXT);

        error(token(fx.user(), "{}"), 403, "forbidden");
        error(fx.http.postJson(path(guild, text, "token"), fx.member(guild), "{}"), 400, "invalid_request");
        error(token(fx.member(guild), "{\"can_publish\":false}"), 400, "invalid_request");
        assertThat(participants()).isEmpty();
    }

    @Test
    void anUnconfiguredLiveKitIs503VoiceUnavailable_butATextChannelIsStill400() throws Exception {
        try (VoiceHttpFixture off = new VoiceHttpFixture(false, 1_000)) {
            Caller o = off.user();
            GuildId g = off.guild(o);
            Channel v = off.channel(g, ChannelKind.VOICE);
            Channel t = off.channel(g, ChannelKind.TEXT);

            error(off.http.postJson(path(g, v, "token"), o, "{}"), 503, "voice_unavailable");
            error(off.http.postJson(path(g, t, "token"), o, "{}"), 400, "invalid_request");
            assertThat(off.guilds.db.auditRows()).isEmpty();
        }
    }

    @Test
    void theVoiceTokenLimiterAnswers429WithItsPolicyHeaders() throws Exception {
        Caller member = fx.member(guild);
        for (int i = 0; i < TOKEN_QUOTA; i++) {
            json(token(member, "{}"), 200);
        }

        HttpResponse<String> r = token(member, "{}");

        error(r, 429, "rate_limited");
        assertThat(r.headers().firstValue("RateLimit-Policy")).contains("\"voice_token\";q=2;w=60");
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        json(fx.http.postJson(path(guild, fx.channel(guild, ChannelKind.VOICE), "token"), member, "{}"), 200);
    }

    @Test
    void theVoiceTokenLimiterKeysIpv6ByTheSlash64() throws Exception {
        Caller member = fx.member(guild);
        String path = path(guild, voice, "token");
        for (int i = 1; i <= TOKEN_QUOTA; i++) {
            json(fx.http.postJson(path, member, "{}", "X-Forwarded-For", "2001:db8:5:6::" + i), 200);
        }

        error(fx.http.postJson(path, member, "{}", "X-Forwarded-For", "2001:db8:5:6:abcd::99"), 429, "rate_limited");
        json(fx.http.postJson(path, member, "{}", "X-Forwarded-For", "2001:db8:5:7::1"), 200);
    }

    @Test
    void leaveIs204WithoutABody_againWhenNotRegistered_andIgnoresAnyBody() throws Exception {
        Caller member = fx.member(guild);
        json(token(member, "{}"), 200);
        fx.events.clear();

        noContent(fx.http.sendRaw("POST", path(guild, voice, "leave"), member, null, null));
        assertThat(participants()).isEmpty();
        assertThat(fx.events.events()).extracting(e -> e.type())
                .containsExactly("voice_stream_unpublish", "voice_participant_leave");

        noContent(fx.http.sendRaw("POST", path(guild, voice, "leave"), member, "text/plain", "whatever"));
        error(fx.http.sendRaw("POST", path(guild, voice, "leave"), fx.user(), null, null), 403, "forbidden");
    }

    @Test
    void stateNeedsOneNonNullFlag_updatesOnlyChangedValues_andAnswers204() throws Exception {
        Caller member = fx.member(guild);
        json(token(member, "{}"), 200);
        fx.events.clear();
        String p = path(guild, voice, "state");

        error(fx.http.postJson(p, member, "{}"), 400, "invalid_request");
        error(fx.http.postJson(p, member, "{\"is_muted\":null}"), 400, "invalid_request");
        error(fx.http.postJson(p, member, "{\"is_muted\":\"yes\"}"), 422, "invalid_request");
        error(fx.http.postJson(p, member, "{\"is_speaking\":true}"), 422, "invalid_request");
        error(fx.http.postJson(p, fx.user(), "{}"), 403, "forbidden");
        assertThat(fx.events.events()).isEmpty();

        noContent(fx.http.postJson(p, member, "{\"is_muted\":true,\"is_deafened\":null}"));
        noContent(fx.http.postJson(p, member, "{\"is_muted\":true}"));

        assertThat(fx.events.events()).singleElement().satisfies(e -> assertThat(e.payloadJson())
                .contains("\"updated_fields\":{\"is_muted\":true}"));
        assertThat(fx.registry.participants(room(guild, voice)).getFirst().muted()).isTrue();
    }
}
