package dev.filament.livekit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filament.application.voice.port.out.LiveKitCallException;
import dev.filament.application.voice.port.out.LiveKitRoomService;
import dev.filament.domain.voice.VoiceLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link LiveKitRoomService} over LiveKit's Twirp API ({@code POST /twirp/livekit.RoomService/<Method>}, JSON bodies,
 * {@code Authorization: Bearer} with a short-lived admin token). Every call, connect to body, is cut at the timeout
 * (5 s). Error messages carry the method and status only, never a token. Thread-safe.
 */
public final class LiveKitHttpRoomService implements LiveKitRoomService, AutoCloseable {
    private static final String SERVICE = "/twirp/livekit.RoomService/";

    private final URI base;
    private final LiveKitAdminTokens tokens;
    private final Duration timeout;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    public LiveKitHttpRoomService(LiveKitCredentials credentials, Clock clock, Duration timeout) {
        this.base = credentials.apiBase();
        this.tokens = new LiveKitAdminTokens(credentials, clock);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The service with the SPEC 2.2 bound of 5 s per call. */
    public LiveKitHttpRoomService(LiveKitCredentials credentials, Clock clock) {
        this(credentials, clock, VoiceLimits.LIVEKIT_CALL_TIMEOUT);
    }

    @Override
    public List<String> listRooms() {
        JsonNode body = call("ListRooms", tokens.roomList(), Map.of()).json();
        List<String> names = new ArrayList<>();
        body.path("rooms").forEach(room -> names.add(room.path("name").asText()));
        return names;
    }

    @Override
    public List<LiveKitParticipant> listParticipants(String room) {
        Answer answer = call("ListParticipants", tokens.roomAdmin(room), Map.of("room", room));
        if (answer.notFound()) {
            return List.of();
        }
        List<LiveKitParticipant> out = new ArrayList<>();
        answer.json().path("participants")
                .forEach(p -> out.add(new LiveKitParticipant(p.path("identity").asText(), unmutedAudio(p))));
        return out;
    }

    @Override
    public void removeParticipant(String room, String identity) {
        Answer answer = call("RemoveParticipant", tokens.roomAdmin(room), Map.of("room", room, "identity", identity));
        if (!answer.notFound()) {
            answer.json();
        }
    }

    /** Protobuf JSON omits defaults: a missing {@code type} is AUDIO (0), a missing {@code muted} is false. */
    static boolean unmutedAudio(JsonNode participant) {
        for (JsonNode track : participant.path("tracks")) {
            JsonNode type = track.path("type");
            boolean audio = type.isMissingNode() || type.isNull() || "AUDIO".equals(type.asText())
                    || (type.isNumber() && type.asInt() == 0);
            if (audio && !track.path("muted").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private Answer call(String method, String token, Map<String, String> body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(base.resolve(SERVICE + method)).timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))).build();
        } catch (IOException e) {
            throw new LiveKitCallException(method + " request not serialisable", e);
        }
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(method, response.statusCode(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new LiveKitCallException(method + " timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new LiveKitCallException(method + " interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                // the client's own bound (connect or response) fired before ours: the same outcome
                throw new LiveKitCallException(method + " timed out after " + timeout.toMillis() + " ms");
            }
            throw new LiveKitCallException(method + " failed: " + e.getCause().getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** One Twirp answer: 200 with a JSON body, a Twirp {@code not_found} (404), or a failure. */
    private final class Answer {
        private final String method;
        private final int status;
        private final String body;

        Answer(String method, int status, String body) {
            this.method = method;
            this.status = status;
            this.body = body;
        }

        boolean notFound() {
            return status == 404;
        }

        JsonNode json() {
            if (status != 200) {
                throw new LiveKitCallException(method + " answered " + status);
            }
            try {
                JsonNode node = mapper.readTree(body);
                if (node == null || !node.isObject()) {
                    throw new LiveKitCallException(method + " answered a body that is not a JSON object");
                }
                return node;
            } catch (IOException e) {
                throw new LiveKitCallException(method + " answered malformed JSON");
            }
        }
    }
}
