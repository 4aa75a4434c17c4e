package dev.filament.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.filament.application.voice.port.out.LiveKitCallException;
import dev.filament.application.voice.port.out.LiveKitRoomService.LiveKitParticipant;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Talks to a tiny local Twirp stand-in that checks path, method, content type and the admin token. */
class LiveKitHttpRoomServiceTest {
    /** Generous for calls that are meant to be answered; the timeout test uses its own short one. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String KEY = "APIkey123";
    private static final String SECRET = "a-livekit-secret-of-reasonable-length-0123456789";
    private static final String ROOM = "filament.voice.01J0000000000000000000000G.01J0000000000000000000000C";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Canned> answers = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();
    private HttpServer server;
    private LiveKitHttpRoomService service;

    private record Canned(int status, String body, boolean hang) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
        String url = "ws://127.0.0.1:" + server.getAddress().getPort();
        service = new LiveKitHttpRoomService(new LiveKitCredentials(KEY, SECRET, url), Clock.systemUTC(), TIMEOUT);
    }

    @AfterEach
    void stop() {
        release.countDown();
        service.close();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(path + " " + body);
        Canned canned = answers.get(path);
        int status;
        String answer;
        if (!"POST".equals(exchange.getRequestMethod())
                || !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                || canned == null) {
            status = 404;
            answer = "{\"code\":\"bad_route\"}";
        } else if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"), path, body)) {
            status = 401;
            answer = "{\"code\":\"unauthenticated\"}";
        } else {
            if (canned.hang()) {
                awaitRelease();
            }
            status = canned.status();
            answer = canned.body();
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bearer token must verify with our secret and grant what the method needs for the body's room. */
    private static boolean authorized(String header, String path, String body) throws IOException {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        DecodedJWT jwt;
        try {
            jwt = JWT.require(Algorithm.HMAC256(SECRET)).withIssuer(KEY).build().verify(header.substring(7));
        } catch (RuntimeException e) {
            return false;
        }
        Map<String, Object> video = jwt.getClaim("video").asMap();
        if (path.endsWith("/ListRooms")) {
            return Boolean.TRUE.equals(video.get("roomList"));
        }
        JsonNode request = MAPPER.readTree(body);
        return Boolean.TRUE.equals(video.get("roomAdmin")) && request.path("room").asText().equals(video.get("room"));
    }

    private void answer(String method, int status, String body) {
        answers.put("/twirp/livekit.RoomService/" + method, new Canned(status, body, false));
    }

    @Test
    void listParticipants_readsIdentitiesAndAudioMuteStates() throws IOException {
        answer("ListParticipants", 200, """
                {"participants":[
                  {"identity":"u.a","tracks":[{"type":"AUDIO","muted":false,"source":"MICROPHONE"}]},
                  {"identity":"u.b","tracks":[{"type":"AUDIO","muted":true},{"type":"VIDEO","muted":false}]},
                  {"identity":"u.c","tracks":[{"sid":"TR_1"}]},
                  {"identity":"u.d","tracks":[{"type":1}]},
                  {"identity":"u.e"}
                ]}""");

        List<LiveKitParticipant> participants = service.listParticipants(ROOM);

        assertThat(participants).containsExactly(new LiveKitParticipant("u.a", true),
                new LiveKitParticipant("u.b", false), new LiveKitParticipant("u.c", true),
                new LiveKitParticipant("u.d", false), new LiveKitParticipant("u.e", false));
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r).startsWith("/twirp/livekit.RoomService/ListParticipants ");
            assertThat(MAPPER.readTree(r.substring(r.indexOf(' ') + 1)).path("room").asText()).isEqualTo(ROOM);
        });
    }

    @Test
    void listParticipantsOfAMissingRoom_isEmpty() {
        answer("ListParticipants", 404, "{\"code\":\"not_found\",\"msg\":\"room not found\"}");

        assertThat(service.listParticipants(ROOM)).isEmpty();
    }

    @Test
    void removeParticipant_postsRoomAndIdentity_andAcceptsAnAlreadyGoneParticipant() throws IOException {
        answer("RemoveParticipant", 200, "{}");

        service.removeParticipant(ROOM, "u.intruder");

        String sent = received.getFirst();
        assertThat(sent).startsWith("/twirp/livekit.RoomService/RemoveParticipant ");
        JsonNode body = MAPPER.readTree(sent.substring(sent.indexOf(' ') + 1));
        assertThat(body.path("room").asText()).isEqualTo(ROOM);
        assertThat(body.path("identity").asText()).isEqualTo("u.intruder");
        answer("RemoveParticipant", 404, "{\"code\":\"not_found\"}");
        service.removeParticipant(ROOM, "u.gone");
    }

    @Test
    void listRooms_usesARoomListGrant() {
        answer("ListRooms", 200, "{\"rooms\":[{\"name\":\"" + ROOM + "\",\"sid\":\"RM_1\"},{\"name\":\"other\"}]}");

        assertThat(service.listRooms()).containsExactly(ROOM, "other");
    }

    @Test
    void serverErrorsAndBadBodies_areCallFailures() {
        answer("ListParticipants", 500, "{\"code\":\"internal\"}");
        assertThatThrownBy(() -> service.listParticipants(ROOM)).isInstanceOf(LiveKitCallException.class)
                .hasMessage("ListParticipants answered 500");

        answer("ListRooms", 200, "not json");
        assertThatThrownBy(() -> service.listRooms()).isInstanceOf(LiveKitCallException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void aTokenSignedWithAnotherSecret_isRejectedByTheServer() {
        answer("ListRooms", 200, "{\"rooms\":[]}");
        LiveKitHttpRoomService wrong = new LiveKitHttpRoomService(new LiveKitCredentials(KEY, SECRET + "x",
                "ws://127.0.0.1:" + server.getAddress().getPort()), Clock.systemUTC(), TIMEOUT);

        try (wrong) {
            assertThatThrownBy(wrong::listRooms).isInstanceOf(LiveKitCallException.class)
                    .hasMessage("ListRooms answered 401");
        }
        assertThat(service.listRooms()).isEmpty();
    }

    @Test
    void aServerThatDoesNotAnswer_isCutAtTheTimeout() {
        answers.put("/twirp/livekit.RoomService/ListParticipants", new Canned(200, "{}", true));
        long started = System.nanoTime();

        LiveKitHttpRoomService impatient = new LiveKitHttpRoomService(new LiveKitCredentials(KEY, SECRET,
                "ws://127.0.0.1:" + server.getAddress().getPort()), Clock.systemUTC(), Duration.ofMillis(500));
        try {
            assertThatThrownBy(() -> impatient.listParticipants(ROOM)).isInstanceOf(LiveKitCallException.class)
                    .hasMessageContaining("timed out");
            // the handler never answers before the test ends: any bound separates "cut" from "stuck"
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
            impatient.close();
        }
    }

    @Test
    void nothingListening_isACallFailure() throws IOException {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (LiveKitHttpRoomService unreachable = new LiveKitHttpRoomService(
                new LiveKitCredentials(KEY, SECRET, "ws://127.0.0.1:" + port), Clock.systemUTC(),
                Duration.ofMillis(500))) {
            assertThatThrownBy(unreachable::listRooms).isInstanceOf(LiveKitCallException.class);
        }
    }
}
