package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #12 item 1 as the review found it, through the real server on PostgreSQL: {@code POST /guilds/{g}/join} sent
 * at the same moment as the owner's {@code POST .../members/{u}/ban}, 30 times; the user never ends banned and still
 * a member (able to read the guild).
 */
@ExtendWith(PostgresExtension.class)
class MembershipRaceE2ETest {
    private static final int PAIRS = 30;

    private static RunningServer s;
    private static Api api;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void start(TestDatabase db) {
        s = RunningServer.start(db, Map.of("FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE", "100000",
                "FILAMENT_AUTH_ROUTE_REQUESTS_PER_MINUTE", "100000",
                "FILAMENT_DIRECTORY_JOIN_REQUESTS_PER_MINUTE_PER_IP", "100000"));
        api = new Api(s);
    }

    @AfterAll
    static void stop() {
        THREADS.shutdownNow();
        s.close();
    }

    private static List<HttpResponse<String>> together(Callable<HttpResponse<String>> a,
                                                       Callable<HttpResponse<String>> b) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Future<HttpResponse<String>> fa = THREADS.submit(() -> {
            go.await();
            return a.call();
        });
        Future<HttpResponse<String>> fb = THREADS.submit(() -> {
            go.await();
            return b.call();
        });
        go.countDown();
        return List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));
    }

    @Test
    void joinRacingABan_neverLeavesABannedMember() throws Exception {
        Api.User owner = api.user();
        String g = api.guild(owner, "public");
        List<Api.User> users = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            users.add(api.user());
        }
        for (Api.User user : users) {
            List<HttpResponse<String>> answers = together(
                    () -> api.call(user, "POST", "/guilds/" + g + "/join", null),
                    () -> api.call(owner, "POST", "/guilds/" + g + "/members/" + user.id() + "/ban", null));
            assertThat(answers.get(1).statusCode()).as(answers.get(1).body()).isEqualTo(200);
            assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isIn(200, 403);
            assertThat(api.call(user, "GET", "/guilds/" + g + "/channels", null).statusCode())
                    .as("banned user %s (join answered %s) reads the guild", user.id(), answers.get(0).body())
                    .isEqualTo(403);
        }
        JsonNode members = Api.ok(api.call(owner, "GET", "/guilds/" + g + "/members?limit=200", null));
        assertThat(members.get("members")).extracting(m -> m.get("user_id").asText()).containsExactly(owner.id());
        JsonNode bans = Api.ok(api.call(owner, "GET", "/guilds/" + g + "/bans?limit=100", null));
        assertThat(bans.get("bans")).hasSize(PAIRS);
    }
}
