package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC 6.6: an IP ban observed through a trusted proxy is enforced on every Phase 1 surface (403 and a
 * {@code moderation.ip_ban.hit} audit naming the surface), and only for the banned network.
 */
@ExtendWith(PostgresExtension.class)
class IpBanSurfacesE2ETest {
    private static final String BANNED = "198.51.100.50";
    private static final String CLEAN = "203.0.113.60";

    @Test
    void everySurfaceRefusesTheBannedNetworkAndAuditsTheHit(TestDatabase db) throws Exception {
        try (RunningServer s = RunningServer.start(db, Map.of("FILAMENT_TRUSTED_PROXY_CIDRS", "127.0.0.1/32",
                "FILAMENT_LIVEKIT_API_KEY", "devkey", "FILAMENT_LIVEKIT_API_SECRET", "devsecret-devsecret-devsecret-00"))) {
            Api api = new Api(s);
            Api.User owner = api.user();
            String g = api.guild(owner, "public");
            String c = api.channel(owner, g, "text");
            String voice = api.channel(owner, g, "voice");
            Api.User member = api.user();
            HttpResponse<String> joined = s.send(s.request("/guilds/" + g + "/join")
                    .header("Authorization", "Bearer " + member.token()).header("X-Forwarded-For", BANNED)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(joined.statusCode()).isEqualTo(200);
            Api.ok(api.call(owner, "PATCH", "/guilds/" + g + "/members/" + member.id(), "{\"role\":\"moderator\"}"));
            String own = Api.ok(api.post(member, g, c, "mine")).get("message_id").asText();

            // the observation is written off the request path
            JsonNode ban = Eventually.until("the ban finds the member's address", Duration.ofSeconds(10),
                    () -> Api.ok(api.call(owner, "POST", "/guilds/" + g + "/ip-bans/by-user",
                            "{\"target_user_id\":\"" + member.id() + "\"}")),
                    answer -> answer.get("created_count").asInt() > 0);
            assertThat(ban.get("created_count").asInt()).isEqualTo(1);

            String base = "/guilds/" + g + "/channels/" + c;
            Map<String, String[]> surfaces = new LinkedHashMap<>();
            surfaces.put("messages.create", new String[] {"POST", base + "/messages", "{\"content\":\"x\"}"});
            surfaces.put("messages.list", new String[] {"GET", base + "/messages", null});
            surfaces.put("messages.edit", new String[] {"PATCH", base + "/messages/" + own, "{\"content\":\"y\"}"});
            surfaces.put("messages.delete", new String[] {"DELETE", base + "/messages/" + own, null});
            surfaces.put("channels.permissions.self", new String[] {"GET", base + "/permissions/self", null});
            surfaces.put("guild.channels.list", new String[] {"GET", "/guilds/" + g + "/channels", null});
            surfaces.put("guild.channels.create", new String[] {"POST", "/guilds/" + g + "/channels",
                "{\"name\":\"n\"}"});
            surfaces.put("guild.channel_overrides.update", new String[] {"POST", base + "/overrides/member",
                "{\"allow\":[],\"deny\":[]}"});
            surfaces.put("guild.channel_permission_overrides.update", new String[] {"POST",
                base + "/permission-overrides/member/" + member.id(), "{\"allow\":[],\"deny\":[]}"});
            surfaces.put("search.messages", new String[] {"GET", "/guilds/" + g + "/search?q=x", null});
            surfaces.put("search.rebuild", new String[] {"POST", "/guilds/" + g + "/search/rebuild", null});
            surfaces.put("search.reconcile", new String[] {"POST", "/guilds/" + g + "/search/reconcile", null});
            String vbase = "/guilds/" + g + "/channels/" + voice + "/voice";
            surfaces.put("voice.token.issue", new String[] {"POST", vbase + "/token", "{}"});
            surfaces.put("voice.leave", new String[] {"POST", vbase + "/leave", null});
            surfaces.put("voice.state.update", new String[] {"POST", vbase + "/state", "{\"is_muted\":true}"});

            for (Map.Entry<String, String[]> e : surfaces.entrySet()) {
                String[] r = e.getValue();
                HttpRequest.Builder b = s.request(r[1]).header("Authorization", "Bearer " + member.token())
                        .header("X-Forwarded-For", BANNED);
                if (r[2] != null) {
                    b.header("Content-Type", "application/json");
                }
                HttpResponse<String> res = s.send(b.method(r[0], r[2] == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(r[2])));
                assertThat(res.statusCode()).as(e.getKey()).isEqualTo(403);
                assertThat(res.body()).as(e.getKey()).contains("\"error\":\"forbidden\"");
            }
            try (WsClient ws = WsClient.connect(s.port(), member.token(), BANNED)) {
                ws.subscribe(g, c);
                assertThat(ws.await("error").get("d").get("code").asText()).isEqualTo("forbidden");
                ws.send("message_create", "{\"guild_id\":\"" + g + "\",\"channel_id\":\"" + c
                        + "\",\"content\":\"hi\"}");
                ws.await(f -> "error".equals(f.path("t").asText())
                        && "message_create".equals(f.path("d").path("t").asText()));
            }
            surfaces.put("gateway.subscribe", null);
            surfaces.put("gateway.message_create", null);
            for (String surface : surfaces.keySet()) {
                assertThat(hits(db, g, member.id(), surface)).as("hit audit for " + surface).isEqualTo(1);
            }

            HttpResponse<String> clean = s.send(s.request(base + "/messages")
                    .header("Authorization", "Bearer " + member.token()).header("X-Forwarded-For", CLEAN));
            assertThat(clean.statusCode()).as("another network is not banned").isEqualTo(200);
        }
    }

    private static int hits(TestDatabase db, String guild, String user, String surface) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("select count(*) from audit_logs where guild_id = ? and "
                     + "actor_user_id = ? and action = 'moderation.ip_ban.hit' and details->>'surface' = ?")) {
            st.setString(1, guild);
            st.setString(2, user);
            st.setString(3, surface);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
