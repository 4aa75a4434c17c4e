package dev.filament.http.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.ConnectionId;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 9.2-9.4 and 9.6 over a real WebSocket: envelope, payloads, size, ingress rate, commands and their errors. */
class GatewayProtocolTest {
    private static final String G = "01J00000000000000000000001";
    private static final String C = "01J00000000000000000000002";
    private static GatewayTestServer server;

    @BeforeAll
    static void start() {
        server = GatewayTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.commands.behaviour = call -> { };
        server.commands.calls.clear();
        server.commands.completed.clear();
        server.commands.peakConcurrency.set(0);
    }

    private static String subscribe(String guild, String channel) {
        return "{\"v\":1,\"t\":\"subscribe\",\"d\":{\"guild_id\":\"" + guild + "\",\"channel_id\":\"" + channel + "\"}}";
    }

    private static String message(int n) {
        return "{\"v\":1,\"t\":\"message_create\",\"d\":{\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C
                + "\",\"content\":\"m" + n + "\"}}";
    }

    @Test
    void readyIsTheFirstFrame_withSequenceOneAndTheUser() throws Exception {
        try (GatewayClient client = server.connect()) {
            JsonNode ready = client.ready();

            assertThat(ready.path("v").asInt()).isEqualTo(1);
            assertThat(ready.path("s").asLong()).isEqualTo(1);
            assertThat(ready.path("d").path("user_id").asText()).matches("[0-7][0-9A-HJKMNP-TV-Z]{25}");
        }
    }

    @Test
    void aSubscribe_runsTheCommandWithTheParsedIds_offTheSocketReader() throws Exception {
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.send(subscribe(G.toLowerCase(), C));

            ScriptedCommands.Call call = server.commands.awaitCompleted();
            assertThat(call.type()).isEqualTo("subscribe");
            assertThat(call.guild().value()).isEqualTo(G);
            assertThat(call.channel().value()).isEqualTo(C);
            assertThat(call.thread()).startsWith("gateway-commands-");
        }
    }

    @Test
    void aBinaryFrame_isReadAsUtf8JsonUnderTheSameRules() throws Exception {
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.sendBinary(message(7).getBytes(StandardCharsets.UTF_8));

            assertThat(server.commands.awaitCompleted().content()).isEqualTo("m7");
        }
    }

    @Test
    void aBinaryFrameThatIsNotUtf8_closesInvalidEnvelope() throws Exception {
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.sendBinary(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

            assertThat(client.awaitClose()).isEqualTo("4400 invalid_envelope");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "{\"v\":1,\"t\":\"subscribe\",\"d\":{}} trailing",
        "{\"v\":1,\"v\":1,\"t\":\"subscribe\",\"d\":{}}",
        "[1]",
        "{\"v\":2,\"t\":\"subscribe\",\"d\":{}}",
        "{\"v\":\"1\",\"t\":\"subscribe\",\"d\":{}}",
        "{\"v\":1.0,\"t\":\"subscribe\",\"d\":{}}",
        "{\"v\":1,\"t\":\"subscribe\",\"d\":{},\"s\":1}",
        "{\"v\":1,\"t\":\"subscribe\"}",
        "{\"v\":1,\"t\":\"Subscribe\",\"d\":{}}",
        "{\"v\":1,\"t\":\"\",\"d\":{}}",
        "{\"v\":1,\"t\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"d\":{}}",
        "{\"v\":1,\"t\":7,\"d\":{}}",
        "{\"v\":1,\"t\":\"subscribe\",\"d\":[]}",
        "{\"v\":1,\"t\":\"subscribe\",\"d\":null}"
    })
    void aBrokenEnvelope_closes4400InvalidEnvelope_andNothingRuns(String text) throws Exception {
        double before = server.counter("filament.gateway.events.parse_rejected", "reason", "invalid_envelope");
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.send(text);

            assertThat(client.awaitClose()).isEqualTo("4400 invalid_envelope");
        }
        assertThat(server.commands.calls).isEmpty();
        assertThat(server.counter("filament.gateway.events.parse_rejected", "reason", "invalid_envelope"))
                .isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"v\":1,\"t\":\"subscribe\",\"d\":{\"guild_id\":\"" + G + "\"}}",
        "{\"v\":1,\"t\":\"subscribe\",\"d\":{\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C + "\",\"x\":1}}",
        "{\"v\":1,\"t\":\"subscribe\",\"d\":{\"guild_id\":\"" + G + "\",\"channel_id\":5}}",
        "{\"v\":1,\"t\":\"subscribe\",\"d\":{\"guild_id\":\"nope\",\"channel_id\":\"" + C + "\"}}",
        "{\"v\":1,\"t\":\"message_create\",\"d\":{\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C + "\"}}",
        "{\"v\":1,\"t\":\"message_create\",\"d\":{\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C
                + "\",\"content\":\"x\",\"attachment_ids\":\"" + G + "\"}}",
        "{\"v\":1,\"t\":\"message_create\",\"d\":{\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C
                + "\",\"content\":\"x\",\"attachment_ids\":[5]}}",
        "{\"v\":1,\"t\":\"message_create\",\"d\":{\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C
                + "\",\"content\":\"x\",\"attachment_ids\":[\"not-a-ulid\"]}}",
        "{\"v\":1,\"t\":\"message_create\",\"d\":{\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C
                + "\",\"content\":\"a\\u0000b\",\"attachment_ids\":{}}}"
    })
    void aPayloadThatBreaksTheSchema_closes4400InvalidPayload(String text) throws Exception {
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.send(text);

            assertThat(client.awaitClose()).isEqualTo("4400 invalid_payload");
        }
        assertThat(server.commands.calls).isEmpty();
    }

    @Test
    void anUnknownEventType_closes4400UnknownEvent_andIsCounted() throws Exception {
        double before = server.counter("filament.gateway.events.unknown_received");
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.send("{\"v\":1,\"t\":\"typing_start\",\"d\":{}}");

            assertThat(client.awaitClose()).isEqualTo("4400 unknown_event");
        }
        assertThat(server.counter("filament.gateway.events.unknown_received")).isEqualTo(before + 1);
    }

    @Test
    void aMessageOverTheLimit_closes4413_whileOneAtTheLimitIsStillRead() throws Exception {
        String atLimit = "\"" + "x".repeat(GatewaySettings.MAX_MESSAGE_BYTES - 2) + "\"";
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.send(atLimit);
            // read and refused for its shape, so the size check let it through
            assertThat(client.awaitClose()).isEqualTo("4400 invalid_envelope");
        }
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.send("\"" + "é".repeat(GatewaySettings.MAX_MESSAGE_BYTES / 2) + "\"");

            assertThat(client.awaitClose()).isEqualTo("4413 event_too_large");
        }
        assertThat(server.counter("filament.gateway.events.parse_rejected", "reason", "event_too_large"))
                .isEqualTo(1);
    }

    @Test
    void aFloodOf61EventsInTheWindow_closes4408() throws Exception {
        try (GatewayClient client = server.connect()) {
            client.ready();
            for (int i = 0; i < 61; i++) {
                client.send(message(i));
            }

            assertThat(client.awaitClose()).isEqualTo("4408 ingress_rate_limited");
        }
        assertThat(server.counter("filament.rate_limit.hits", "limiter", "gateway_ingress")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aForbiddenSubscribe_answersAnErrorEvent_andTheSocketStaysOpen() throws Exception {
        server.commands.behaviour = call -> {
            if (call.type().equals("subscribe")) {
                throw ForbiddenException.because("not a member");
            }
        };
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.send(subscribe(G, C));

            JsonNode error = client.next();
            assertThat(error.path("t").asText()).isEqualTo("error");
            assertThat(error.path("s").asLong()).isEqualTo(2);
            assertThat(error.path("d").toString()).isEqualTo(
                    "{\"code\":\"forbidden\",\"t\":\"subscribe\",\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C + "\"}");

            client.send(message(1));
            assertThat(server.commands.calls).extracting(ScriptedCommands.Call::type).contains("subscribe");
            server.commands.awaitCompleted();
            assertThat(server.commands.awaitCompleted().content()).isEqualTo("m1");
            assertThat(client.closed).isNotDone();
        }
    }

    /** #12 item 14: SPEC 9.4 lists {@code attachment_ids?}; {@code []}, {@code null} and absent are accepted. */
    @ParameterizedTest
    @ValueSource(strings = {",\"attachment_ids\":[]", ",\"attachment_ids\":null", ""})
    void aMessageCreateWithEmptyOrAbsentAttachmentIds_runsWithNone(String attachments) throws Exception {
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.send("{\"v\":1,\"t\":\"message_create\",\"d\":{\"guild_id\":\"" + G + "\",\"channel_id\":\""
                    + C + "\",\"content\":\"hi\"" + attachments + "}}");

            ScriptedCommands.Call call = server.commands.awaitCompleted();
            assertThat(call.type()).isEqualTo("message_create");
            assertThat(call.content()).isEqualTo("hi");
            assertThat(call.attachmentIds()).isEmpty();
            assertThat(client.closed).isNotDone();
        }
    }

    /**
     * Ids the message rules refuse (Phase 1: every id, as none can be bound yet; SPEC 8.1: unknown ids are 400)
     * answer an {@code error} event with the REST code, and the socket stays open.
     */
    @Test
    void aMessageCreateWithAttachmentIds_passesThemOn_andARefusalIsAnErrorEventNotAClose() throws Exception {
        server.commands.behaviour = call -> {
            if (!call.attachmentIds().isEmpty()) {
                throw new InvalidRequestException("unknown attachment ids");
            }
        };
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.send("{\"v\":1,\"t\":\"message_create\",\"d\":{\"guild_id\":\"" + G + "\",\"channel_id\":\""
                    + C + "\",\"content\":\"\",\"attachment_ids\":[\"" + C.toLowerCase() + "\"]}}");

            JsonNode error = client.next();
            assertThat(error.path("t").asText()).isEqualTo("error");
            assertThat(error.path("d").toString()).isEqualTo("{\"code\":\"invalid_request\",\"t\":\"message_create\","
                    + "\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C + "\"}");
            assertThat(server.commands.calls).singleElement()
                    .satisfies(call -> assertThat(call.attachmentIds()).containsExactly(C.toLowerCase()));
            client.send(message(2));
            assertThat(server.commands.awaitCompleted().content()).isEmpty();
            assertThat(server.commands.awaitCompleted().content()).isEqualTo("m2");
            assertThat(client.closed).isNotDone();
        }
    }

    @Test
    void contentWithNul_isAnInvalidRequestErrorEvent_notAClose() throws Exception {
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.send("{\"v\":1,\"t\":\"message_create\",\"d\":{\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C
                    + "\",\"content\":\"a\\u0000b\"}}");

            JsonNode error = client.next();
            assertThat(error.path("d").path("code").asText()).isEqualTo("invalid_request");
            assertThat(error.path("d").path("t").asText()).isEqualTo("message_create");
            assertThat(server.commands.calls).isEmpty();
        }
    }

    @Test
    void commandsOfOneConnection_runOneAtATimeInArrivalOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.commands.behaviour = call -> {
            if (call.content().equals("m0")) {
                release.await(10, TimeUnit.SECONDS);
            }
        };
        try (GatewayClient client = server.connect()) {
            client.ready();
            for (int i = 0; i < 5; i++) {
                client.send(message(i));
            }
            // the reader is not blocked by the running command: a later frame is still read and checked
            assertThat(server.commands.calls).hasSizeLessThanOrEqualTo(1);
            release.countDown();
            for (int i = 0; i < 5; i++) {
                assertThat(server.commands.awaitCompleted().content()).isEqualTo("m" + i);
            }
        }
        assertThat(server.commands.peakConcurrency).hasValue(1);
    }

    @Test
    void aCommandPastTheRequestBudget_isInterruptedAndAnswersRequestTimeout() throws Exception {
        server.commands.behaviour = call -> Thread.sleep(60_000);
        try (GatewayClient client = server.connect()) {
            client.ready();
            client.send(message(1));

            JsonNode error = client.next();
            assertThat(error.path("d").path("code").asText()).isEqualTo("request_timeout");
            assertThat(error.path("d").path("t").asText()).isEqualTo("message_create");
        }
    }

    @Test
    void commandsStillQueuedWhenThePeerCloses_areDiscarded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        server.commands.behaviour = call -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
        };
        GatewayClient client = server.connect();
        client.ready();
        client.send(message(0));
        client.send(message(1));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        ConnectionId connection = server.commands.calls.getFirst().connection();

        client.socket.sendClose(1000, "bye").join();
        awaitClosed(connection);
        release.countDown();

        assertThat(server.commands.awaitCompleted().content()).isEqualTo("m0");
        assertThat(server.commands.calls).hasSize(1);
        client.close();
    }

    @Test
    void aClientCloseWithACodeOtherThan1000_isALostConnection_soTheSessionCanResume() throws Exception {
        java.util.Set<ConnectionId> before = server.gateway.connected();
        GatewayClient client = server.connect();
        client.ready();
        ConnectionId connection = server.gateway.connected().stream().filter(id -> !before.contains(id))
                .findFirst().orElseThrow();

        client.socket.sendClose(4000, "going to resume").join();

        assertThat(server.gateway.awaitCloseReason(connection, GatewayClient.WAIT))
                .contains(CloseReason.CONNECTION_LOST);
        client.close();
    }

    private static void awaitClosed(ConnectionId connection) throws InterruptedException {
        assertThat(server.gateway.awaitCloseReason(connection, GatewayClient.WAIT)).contains(CloseReason.CLIENT_CLOSE);
    }
}
