package dev.filament.http.guild;

import static dev.filament.http.testing.HttpFixture.accepted;
import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static dev.filament.http.testing.HttpFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.http.testing.HttpFixture.Caller;
import dev.filament.http.guild.Pages.Walk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 6.1-6.3 over real HTTP: members, kick, ban, bans and unban. */
class MemberRoutesHttpTest {
    private static GuildHttpFixture f;

    @BeforeAll
    static void start() {
        f = new GuildHttpFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String members(GuildId g) {
        return "/guilds/" + g.value() + "/members";
    }

    @Test
    void memberListWalksInUserIdOrderAndAFullLastPageIsFollowedByAnEmptyOne() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller moderator = f.member(g, SystemRoleKey.MODERATOR);
        List<String> expected = new ArrayList<>(List.of(owner.id().value(), moderator.id().value()));
        for (int i = 0; i < 4; i++) {
            expected.add(f.member(g).id().value());
        }
        expected.sort(Comparator.naturalOrder());

        Walk walk = Pages.walk(f, members(g), "members", 3, moderator);
        assertThat(walk.rows()).extracting(r -> r.get("user_id").asText()).containsExactlyElementsOf(expected);
        assertThat(walk.pageSizes()).containsExactly(3, 3, 0);
        assertThat(walk.cursors()).containsExactly(expected.get(2), expected.get(5));

        String moderatorRole = f.guilds.seeded(g, SystemRoleKey.MODERATOR).id().value();
        JsonNode row = walk.rows().stream().filter(r -> r.get("user_id").asText().equals(moderator.id().value()))
                .findFirst().orElseThrow();
        assertThat(row).isEqualTo(tree("{\"user_id\":\"" + moderator.id().value() + "\",\"role_ids\":[\""
                + moderatorRole + "\"]}"));
        JsonNode single = json(f.http.get(members(g), owner), 200);
        assertThat(single.get("members")).hasSize(6);
        assertThat(single.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void memberListQueryErrorsAre400AndStrangersAre403() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        for (String q : List.of("?cursor=nope", "?cursor=", "?limit=0", "?limit=201", "?limit=1.5", "?limit=2&limit=3",
                "?after=" + owner.id().value())) {
            error(f.http.get(members(g) + q, owner), 400, "invalid_request");
        }
        assertThat(json(f.http.get(members(g) + "?cursor=" + owner.id().value().toLowerCase(), owner), 200)
                .get("members")).isEmpty();
        error(f.http.get(members(g), f.user()), 403, "forbidden");
        error(f.http.get("/guilds/7ZZZZZZZZZZZZZZZZZZZZZZZZZ/members", owner), 404, "not_found");
    }

    @Test
    void addMemberIsAcceptedIdempotentAndNeedsManageMemberRoles() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller plain = f.member(g);
        Caller newcomer = f.user();
        String path = members(g) + "/" + newcomer.id().value();
        String before = f.snapshot();
        error(f.http.post(path, plain, null), 403, "forbidden");
        error(f.http.post(members(g) + "/7ZZZZZZZZZZZZZZZZZZZZZZZZZ", owner, null), 404, "not_found");
        f.assertUnchanged(before);

        f.guilds.handOffs.clear();
        // A body on a route documented without one is ignored, whatever its content type.
        accepted(f.http.send("POST", path, owner, "not json at all"));
        accepted(f.http.post(path, owner, null));
        assertThat(f.guilds.handOffs.events("workspace_member_add")).hasSize(1);
        assertThat(json(f.http.get("/guilds", newcomer), 200).get("guilds")).hasSize(1);
    }

    @Test
    void patchMemberPromotesAndDemotesWithAnAuditRow() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller target = f.member(g);
        String path = members(g) + "/" + target.id().value();
        accepted(f.http.send("PATCH", path, owner, "{\"role\":\"moderator\"}"));
        assertThat(json(f.http.get(members(g) + "?cursor=" + owner.id().value(), owner), 200).toString())
                .contains(f.guilds.seeded(g, SystemRoleKey.MODERATOR).id().value());
        accepted(f.http.send("PATCH", path, owner, "{\"role\":\"member\"}"));
        assertThat(f.auditActions(g)).containsExactly("member.role.update", "member.role.update");
    }

    @Test
    void patchMemberBodyErrorsAndForbiddenCallersWriteNothing() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller target = f.member(g);
        Caller plain = f.member(g);
        String path = members(g) + "/" + target.id().value();
        String before = f.snapshot();
        error(f.http.send("PATCH", path, owner, "{\"role\":\"admin\"}"), 422, "invalid_request");
        error(f.http.send("PATCH", path, owner, "{\"role\":\"Moderator\"}"), 422, "invalid_request");
        error(f.http.send("PATCH", path, owner, "{\"role\":null}"), 422, "invalid_request");
        error(f.http.send("PATCH", path, owner, "{}"), 422, "invalid_request");
        error(f.http.send("PATCH", path, owner, "{\"role\":\"member\",\"extra\":1}"), 422, "invalid_request");
        error(f.http.send("PATCH", path, owner, "[\"moderator\"]"), 422, "invalid_request");
        error(f.http.send("PATCH", path, owner, "{\"role\":"), 400, "invalid_request");
        error(f.http.send("PATCH", path, owner, null), 415, "unsupported_media_type");
        error(f.http.send("PATCH", path, plain, "{\"role\":\"moderator\"}"), 403, "forbidden");
        error(f.http.send("PATCH", path, owner, "{\"role\":\"owner\"}"), 403, "forbidden");
        error(f.http.send("PATCH", members(g) + "/" + f.user().id().value(), owner, "{\"role\":\"moderator\"}"), 404,
                "not_found");
        f.assertUnchanged(before);
    }

    @Test
    void kickRemovesTheMemberAndNeedsBanMember() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller target = f.member(g);
        Caller plain = f.member(g);
        String kick = members(g) + "/" + target.id().value() + "/kick";
        error(f.http.post(kick, plain, null), 403, "forbidden");
        accepted(f.http.post(kick, owner, null));
        error(f.http.post(kick, owner, null), 404, "not_found");
        error(f.http.get("/guilds/" + g.value() + "/roles", target), 403, "forbidden");
        assertThat(f.auditActions(g)).containsExactly("member.kick");
    }

    @Test
    void banListUnbanAndBanListPagination() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        List<Caller> banned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Caller target = i % 2 == 0 ? f.member(g) : f.user(); // non-members can be banned ahead of a join
            accepted(f.http.post(members(g) + "/" + target.id().value() + "/ban", owner, null));
            banned.add(target);
            if (i % 2 == 1) {
                f.guilds.clock.advance(Duration.ofSeconds(7));
            }
        }
        String bans = "/guilds/" + g.value() + "/bans";
        Walk walk = Pages.walk(f, bans, "bans", 2, owner);
        assertThat(walk.pageSizes()).containsExactly(2, 2, 1);
        List<JsonNode> rows = walk.rows();
        for (int i = 1; i < rows.size(); i++) {
            JsonNode prev = rows.get(i - 1);
            JsonNode row = rows.get(i);
            assertThat(prev.get("created_at_unix").asLong() > row.get("created_at_unix").asLong()
                    || prev.get("created_at_unix").asLong() == row.get("created_at_unix").asLong()
                    && prev.get("user_id").asText().compareTo(row.get("user_id").asText()) > 0)
                    .as("created_at DESC, user_id DESC").isTrue();
        }
        assertThat(rows).extracting(r -> r.get("user_id").asText())
                .containsExactlyInAnyOrderElementsOf(banned.stream().map(c -> c.id().value()).toList());
        JsonNode last = rows.get(4);
        assertThat(GuildRoutesHttpTest.fieldNames(last)).containsExactly("user_id", "banned_by_user_id",
                "created_at_unix");
        assertThat(last.get("banned_by_user_id").asText()).isEqualTo(owner.id().value());
        assertThat(walk.cursors().get(0)).isEqualTo(rows.get(1).get("created_at_unix").asLong() + "_"
                + rows.get(1).get("user_id").asText());

        for (String q : List.of("?cursor=" + owner.id().value(), "?cursor=12_nope", "?limit=101", "?cursor=1_2_3")) {
            error(f.http.get(bans + q, owner), 400, "invalid_request");
        }
        error(f.http.get(bans, f.member(g)), 403, "forbidden");

        String unban = bans + "/" + banned.get(0).id().value();
        accepted(f.http.send("DELETE", unban, owner, null));
        error(f.http.send("DELETE", unban, owner, null), 404, "not_found");
        assertThat(json(f.http.get(bans, owner), 200).get("bans")).hasSize(4);
        assertThat(f.auditActions(g)).endsWith("member.unban");
    }
}
