package dev.filament.http.guild;

import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.from;
import static dev.filament.http.testing.HttpFixture.json;
import static dev.filament.http.testing.HttpFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.guild.Visibility;
import dev.filament.domain.id.GuildId;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 6.7 over real HTTP: every join outcome with its status and code, and the two join limiters' 429s. */
class DirectoryJoinHttpTest {
    private static GuildHttpFixture f;
    private static GuildHttpFixture limited;

    @BeforeAll
    static void start() {
        f = new GuildHttpFixture();
        limited = new GuildHttpFixture(3, 2, true);
    }

    @AfterAll
    static void stop() {
        f.close();
        limited.close();
    }

    private static HttpResponse<String> join(GuildHttpFixture fx, GuildId g, Caller c, String ip) throws Exception {
        return fx.http.post("/guilds/" + g.value() + "/join", c, null, from(ip));
    }

    @Test
    void aPublicGuildAcceptsThenReportsAlreadyMember() throws Exception {
        GuildId g = f.guild(f.user(), Visibility.PUBLIC);
        Caller joiner = f.user();
        assertThat(json(join(f, g, joiner, "198.51.100.10"), 200))
                .isEqualTo(tree("{\"guild_id\":\"" + g.value() + "\",\"outcome\":\"accepted\"}"));
        assertThat(json(join(f, g, joiner, "198.51.100.10"), 200))
                .isEqualTo(tree("{\"guild_id\":\"" + g.value() + "\",\"outcome\":\"already_member\"}"));
        assertThat(json(f.http.get("/guilds", joiner), 200).get("guilds").get(0).get("guild_id").asText())
                .isEqualTo(g.value());
        assertThat(f.auditActions(g)).containsExactly("directory.join.accepted", "directory.join.accepted");
        assertThat(f.observations.observations()).anySatisfy(o -> {
            assertThat(o.userId()).isEqualTo(joiner.id());
            assertThat(o.clientIp().address().toString()).isEqualTo("198.51.100.10");
        });
    }

    @Test
    void aPrivateGuildIsNotFoundAndTheRejectionIsAudited() throws Exception {
        GuildId g = f.guild(f.user(), Visibility.PRIVATE);
        error(join(f, g, f.user(), "198.51.100.11"), 404, "not_found");
        assertThat(f.auditActions(g)).containsExactly("directory.join.rejected.visibility");
        error(join(f, GuildId.of("7ZZZZZZZZZZZZZZZZZZZZZZZZZ"), f.user(), "198.51.100.11"), 404, "not_found");
    }

    @Test
    void aBannedUserIsRefusedWithItsOwnCode() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PUBLIC);
        Caller banned = f.user();
        json(f.http.post("/guilds/" + g.value() + "/members/" + banned.id().value() + "/ban", owner, null), 200);
        error(join(f, g, banned, "198.51.100.12"), 403, "directory_join_user_banned");
        assertThat(f.auditActions(g)).containsExactly("member.ban", "directory.join.rejected.user_ban");
    }

    @Test
    void aClientIpInsideAnIpBanIsRefusedWhateverTheAccount() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PUBLIC);
        Caller troll = f.user();
        f.observe(troll, "203.0.113.99");
        json(f.http.post("/guilds/" + g.value() + "/ip-bans/by-user", owner,
                "{\"target_user_id\":\"" + troll.id().value() + "\"}"), 200);
        Caller sockPuppet = f.user();
        error(join(f, g, sockPuppet, "203.0.113.99"), 403, "directory_join_ip_banned");
        assertThat(f.auditActions(g)).endsWith("directory.join.rejected.ip_ban");
        assertThat(json(join(f, g, sockPuppet, "203.0.113.100"), 200).get("outcome").asText()).isEqualTo("accepted");
    }

    @Test
    void theUserLimiterAnswers429WithRateLimitHeadersAndAuditsNothing() throws Exception {
        GuildId g = limited.guild(limited.user(), Visibility.PUBLIC);
        Caller c = limited.user();
        json(join(limited, g, c, "192.0.2.1"), 200);
        json(join(limited, g, c, "192.0.2.2"), 200);
        HttpResponse<String> r = join(limited, g, c, "192.0.2.3");
        error(r, 429, "rate_limited");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(r.headers().firstValue("RateLimit-Policy")).hasValue("\"directory_join_user\";q=2;w=60");
        assertThat(r.headers().firstValue("RateLimit")).hasValue("\"directory_join_user\";r=0;t=60");
        assertThat(limited.auditActions(g)).hasSize(2);
    }

    @Test
    void theIpLimiterAnswers429BeforeTheUserLimiter() throws Exception {
        GuildId g = limited.guild(limited.user(), Visibility.PUBLIC);
        for (int i = 0; i < 3; i++) {
            json(join(limited, g, limited.user(), "192.0.2.50"), 200);
        }
        HttpResponse<String> r = join(limited, g, limited.user(), "192.0.2.50");
        error(r, 429, "rate_limited");
        assertThat(r.headers().firstValue("RateLimit-Policy")).hasValue("\"directory_join_ip\";q=3;w=60");
        assertThat(r.headers().firstValue("RateLimit")).hasValue("\"directory_join_ip\";r=0;t=60");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(limited.auditActions(g)).hasSize(3);
    }

    @Test
    void theIpLimiterKeysIpv6ByTheSlash64_soFreshAddressesInOneNetworkShareItsQuota() throws Exception {
        GuildId g = limited.guild(limited.user(), Visibility.PUBLIC);
        for (int i = 1; i <= 3; i++) {
            json(join(limited, g, limited.user(), "2001:db8:77:1::" + Integer.toHexString(i)), 200);
        }
        HttpResponse<String> r = join(limited, g, limited.user(), "2001:db8:77:1:ffff:ffff:ffff:fffe");
        error(r, 429, "rate_limited");
        assertThat(r.headers().firstValue("RateLimit-Policy")).hasValue("\"directory_join_ip\";q=3;w=60");
        json(join(limited, g, limited.user(), "2001:db8:77:2::1"), 200);
    }
}
