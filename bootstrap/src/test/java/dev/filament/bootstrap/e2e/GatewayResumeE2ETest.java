package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpClient;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC 9.11 against the real server: a client that loses its socket (a close other than 1000, or TCP dropped without
 * any close frame) and comes back with its resume key and last {@code s} gets exactly the messages posted while it
 * was away, with their original {@code s}, then {@code resumed}, then live messages on its restored subscription.
 */
@ExtendWith(PostgresExtension.class)
class GatewayResumeE2ETest {

    @Test
    void aClientResumesAfterACloseAndAfterADroppedConnection_gettingExactlyWhatWasPostedMeanwhile(TestDatabase db)
            throws Exception {
        try (RunningServer s = RunningServer.start(db, FaultMatrixE2ETest.env())) {
            Api api = new Api(s);
            Api.User owner = api.user();
            String g = api.guild(owner, "public");
            String c = api.channel(owner, g, "text");
            HttpClient http = HttpClient.newHttpClient();
            for (String mode : List.of("close4000", "tcp_drop")) {
                WsClient first = WsClient.connect(s.port(), owner.token());
                first.subscribe(g, c);
                first.await("voice_participant_sync");
                Api.ok(api.post(owner, g, c, mode + "-before"));
                first.await(f -> GatewayE2ETest.isMessage(f, mode + "-before"));
                String resume = first.resumeQuery();
                long seen = first.frames().getLast().path("s").asLong();
                if (mode.equals("close4000")) {
                    first.closeWith(4000);
                } else {
                    first.abort(); // no close frame: the server may not even have noticed when the resume arrives
                }
                for (int i = 0; i < 3; i++) {
                    Api.ok(api.post(owner, g, c, mode + "-away" + i));
                }

                try (WsClient back = WsClient.connect(http, s.port(), owner.token(), resume)) {
                    JsonNode resumed = back.await("resumed");
                    List<JsonNode> frames = back.frames();
                    List<JsonNode> replay = frames.subList(0, frames.indexOf(resumed));
                    assertThat(replay.stream().filter(f -> "message_create".equals(f.path("t").asText()))
                            .map(f -> f.path("d").path("content").asText()).toList()).as(mode)
                            .containsExactly(mode + "-away0", mode + "-away1", mode + "-away2");
                    assertThat(resumed.path("d").path("replayed").asInt()).isEqualTo(replay.size());
                    assertThat(resumed.path("d").path("resume_key").asText()).matches("[A-Za-z0-9_-]{43}");
                    Api.ok(api.post(owner, g, c, mode + "-live"));
                    back.await(f -> GatewayE2ETest.isMessage(f, mode + "-live"));
                    List<JsonNode> all = back.frames();
                    IntStream.range(0, all.size()).forEach(i ->
                            assertThat(all.get(i).path("s").asLong()).as("s of frame %d", i).isEqualTo(seen + 1 + i));
                }
            }
            String metrics = s.get("/metrics").body();
            assertThat(metrics).contains("filament_gateway_resumes_total{outcome=\"resumed\"} 2");
            assertThat(metrics).contains("filament_gateway_detached_sessions");
            assertThat(metrics).contains("filament_gateway_replay_buffer_bytes");
        }
    }
}
