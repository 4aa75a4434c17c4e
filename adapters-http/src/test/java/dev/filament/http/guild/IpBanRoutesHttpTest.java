package dev.filament.http.guild;

import static dev.filament.http.testing.HttpFixture.accepted;
import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.from;
import static dev.filament.http.testing.HttpFixture.json;
import static dev.filament.http.testing.HttpFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.http.testing.HttpFixture.Caller;
import dev.filament.http.guild.Pages.Walk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 6.6 over real HTTP: IP bans by user, their list and deletion, and enforcement on the forwarded client IP. */
class IpBanRoutesHttpTest {
    private static GuildHttpFixture f;
    private static GuildHttpFixture untrusting;

    @BeforeAll
    static void start() {
        f = new GuildHttpFixture();
        untrusting = new GuildHttpFixture(1_000, 1_000, false);
    }

    @AfterAll
    static void stop() {
        f.close();
        untrusting.close();
    }

    private static String ipBans(GuildId g) {
        return "/guilds/" + g.value() + "/ip-bans";
    }

    private static JsonNode banByUser(GuildHttpFixture fx, Caller owner, GuildId g, String body) throws Exception {
        return json(fx.http.post(ipBans(g) + "/by-user", owner, body), 200);
    }

    @Test
    void banByUserCoversEveryObservedNetworkAndListsWithoutAddresses() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller target = f.member(g);
        f.observe(target, "198.51.100.1");
        f.observe(target, "2001:db8:1:2::7");
        long now = f.guilds.clock.instant().getEpochSecond();
        JsonNode created = banByUser(f, owner, g, "{\"target_user_id\":\"" + target.id().value().toLowerCase()
                + "\",\"reason\":\"spam\",\"expires_in_secs\":3600}");
        assertThat(GuildRoutesHttpTest.fieldNames(created)).containsExactly("created_count", "ban_ids");
        assertThat(created.get("created_count").asInt()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        created.get("ban_ids").forEach(id -> ids.add(id.asText()));
        assertThat(ids).hasSize(2);

        JsonNode list = json(f.http.get(ipBans(g), owner), 200);
        assertThat(list.get("next_cursor").isNull()).isTrue();
        assertThat(list.get("bans")).extracting(b -> b.get("ban_id").asText()).containsExactlyInAnyOrderElementsOf(ids);
        JsonNode row = list.get("bans").get(0);
        assertThat(row).isEqualTo(tree("{\"ban_id\":\"" + row.get("ban_id").asText() + "\",\"source_user_id\":\""
                + target.id().value() + "\",\"reason\":\"spam\",\"created_at_unix\":" + now
                + ",\"expires_at_unix\":" + (now + 3600) + "}"));
        assertThat(list.toString()).doesNotContain("198.51.100").doesNotContain("2001:db8");
        assertThat(f.auditActions(g)).containsExactly("moderation.ip_ban.add");

        Caller clean = f.user();
        assertThat(banByUser(f, owner, g, "{\"target_user_id\":\"" + clean.id().value() + "\",\"reason\":null}"))
                .isEqualTo(tree("{\"created_count\":0,\"ban_ids\":[]}"));
    }

    @Test
    void banByUserBodyErrorsAndForbiddenCallersWriteNothing() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller target = f.member(g);
        Caller plain = f.member(g);
        f.observe(target, "198.51.100.2");
        String t = target.id().value();
        String before = f.snapshot();
        for (String body : List.of("{}", "{\"target_user_id\":null}", "{\"target_user_id\":7}",
                "{\"target_user_id\":\"" + t + "\",\"expires_in_secs\":\"60\"}",
                "{\"target_user_id\":\"" + t + "\",\"expires_in_secs\":1.5}",
                "{\"target_user_id\":\"" + t + "\",\"network\":\"0.0.0.0/0\"}")) {
            error(f.http.post(ipBans(g) + "/by-user", owner, body), 422, "invalid_request");
        }
        for (String body : List.of("{\"target_user_id\":\"nope\"}",
                "{\"target_user_id\":\"" + t + "\",\"expires_in_secs\":0}",
                "{\"target_user_id\":\"" + t + "\",\"expires_in_secs\":15552001}",
                "{\"target_user_id\":\"" + t + "\",\"reason\":\"   \"}",
                "{\"target_user_id\":\"" + t + "\",\"reason\":\"" + "r".repeat(241) + "\"}")) {
            error(f.http.post(ipBans(g) + "/by-user", owner, body), 400, "invalid_request");
        }
        error(f.http.post(ipBans(g) + "/by-user", owner, "{\"target_user_id\":\"" + f.guilds.ids.next() + "\"}"), 404,
                "not_found");
        error(f.http.post(ipBans(g) + "/by-user", plain, "{\"target_user_id\":\"" + t + "\"}"), 403, "forbidden");
        error(f.http.post(ipBans(g) + "/by-user", target, "{\"target_user_id\":\"" + owner.id().value() + "\"}"), 403,
                "forbidden");
        f.assertUnchanged(before);
    }

    @Test
    void listWalksNewestFirstByCursorAndDeleteIsAcceptedOnce() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller target = f.user();
        for (int i = 1; i <= 5; i++) {
            f.observe(target, "192.0.2." + i);
        }
        banByUser(f, owner, g, "{\"target_user_id\":\"" + target.id().value() + "\"}");
        Walk walk = Pages.walk(f, ipBans(g), "bans", 2, owner);
        assertThat(walk.pageSizes()).containsExactly(2, 2, 1);
        List<String> ids = walk.rows().stream().map(r -> r.get("ban_id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(walk.cursors().get(1)).isEqualTo(walk.rows().get(3).get("created_at_unix").asLong() + "_"
                + ids.get(3));
        JsonNode any = walk.rows().get(0);
        assertThat(any.get("reason").isNull()).isTrue();
        assertThat(any.get("expires_at_unix").isNull()).isTrue();
        for (String q : List.of("?cursor=" + ids.get(0), "?cursor=x_" + ids.get(0), "?limit=0", "?limit=101")) {
            error(f.http.get(ipBans(g) + q, owner), 400, "invalid_request");
        }
        error(f.http.get(ipBans(g), f.member(g)), 403, "forbidden");

        accepted(f.http.send("DELETE", ipBans(g) + "/" + ids.get(0), owner, null));
        error(f.http.send("DELETE", ipBans(g) + "/" + ids.get(0), owner, null), 404, "not_found");
        assertThat(json(f.http.get(ipBans(g), owner), 200).get("bans")).hasSize(4);
        assertThat(f.auditActions(g)).endsWith("moderation.ip_ban.add", "moderation.ip_ban.remove");
    }

    @Test
    void theForwardedClientIpFromATrustedProxyReachesTheIpBanSurfaces() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller target = f.member(g);
        String c = f.guilds.newChannel(g).id().value();
        f.observe(target, "203.0.113.50");
        banByUser(f, owner, g, "{\"target_user_id\":\"" + target.id().value() + "\"}");

        String list = "/guilds/" + g.value() + "/channels";
        error(f.http.get(list, target, from("203.0.113.50")), 403, "forbidden");
        error(f.http.get(list, target, from("10.1.1.1, 203.0.113.50")), 403, "forbidden");
        error(f.http.get(list + "/" + c + "/permissions/self", target, from("203.0.113.50")), 403, "forbidden");
        error(f.http.post(list, owner, "{\"name\":\"x\"}", from("203.0.113.50")), 403, "forbidden");
        assertThat(f.auditActions(g)).contains("moderation.ip_ban.hit");
        // Other addresses, and the proxy itself (loopback, never banned), pass.
        assertThat(json(f.http.get(list, target, from("203.0.113.51")), 200).get("channels")).hasSize(1);
        assertThat(json(f.http.get(list, target), 200).get("channels")).hasSize(1);
        // Routes that are no IP-ban surface do not check.
        assertThat(json(f.http.get("/guilds/" + g.value() + "/roles", target, from("203.0.113.50")), 200).get("roles"))
                .hasSize(4);
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        Caller owner = untrusting.user();
        GuildId g = untrusting.guild(owner, Visibility.PRIVATE);
        Caller target = untrusting.member(g);
        untrusting.observe(target, "203.0.113.60");
        banByUser(untrusting, owner, g, "{\"target_user_id\":\"" + target.id().value() + "\"}");
        assertThat(json(untrusting.http.get("/guilds/" + g.value() + "/channels", target, from("203.0.113.60")), 200)
                .get("channels")).isEmpty();
    }

    @Test
    void auditListWalksNewestFirstFiltersByPrefixAndIsDeniedWithItsOwnCode() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PUBLIC);
        Caller moderator = f.member(g, SystemRoleKey.MODERATOR);
        Caller plain = f.member(g);
        for (int i = 0; i < 3; i++) {
            f.http.post("/guilds/" + g.value() + "/members/" + f.user().id().value() + "/ban", owner, null);
        }
        f.observe(plain, "203.0.113.70");
        banByUser(f, owner, g, "{\"target_user_id\":\"" + plain.id().value() + "\"}");
        error(f.http.get("/guilds/" + g.value() + "/channels", plain, from("203.0.113.70")), 403, "forbidden");

        String audit = "/guilds/" + g.value() + "/audit";
        Walk walk = Pages.walk(f, audit, "events", 2, moderator);
        assertThat(walk.rows()).extracting(e -> e.get("action").asText()).containsExactly("moderation.ip_ban.hit",
                "moderation.ip_ban.add", "member.ban", "member.ban", "member.ban");
        assertThat(walk.pageSizes()).containsExactly(2, 2, 1);
        JsonNode hit = walk.rows().get(0);
        assertThat(GuildRoutesHttpTest.fieldNames(hit)).containsExactly("audit_id", "actor_user_id", "target_user_id",
                "action", "created_at_unix", "ip_ban_match");
        assertThat(hit.get("ip_ban_match").asBoolean()).isTrue();
        assertThat(hit.get("actor_user_id").asText()).isEqualTo(plain.id().value());
        assertThat(walk.rows().get(1).get("ip_ban_match").asBoolean()).isFalse();
        assertThat(walk.cursors().get(0)).isEqualTo(walk.rows().get(1).get("created_at_unix").asLong() + "_"
                + walk.rows().get(1).get("audit_id").asText());

        JsonNode bans = json(f.http.get(audit + "?action_prefix=member.", owner), 200);
        assertThat(bans.get("events")).hasSize(3).allSatisfy(e -> assertThat(e.get("action").asText())
                .isEqualTo("member.ban"));
        for (String q : List.of("?action_prefix=Member", "?action_prefix=", "?cursor=nope", "?limit=101",
                "?limit=0", "?details=1")) {
            error(f.http.get(audit + q, owner), 400, "invalid_request");
        }
        error(f.http.get(audit, plain), 403, "audit_access_denied");
        error(f.http.get(audit, f.user()), 403, "audit_access_denied");
        error(f.http.get("/guilds/" + f.guilds.ids.next() + "/audit", owner), 404, "not_found");
    }
}
