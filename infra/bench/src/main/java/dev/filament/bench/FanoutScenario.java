package dev.filament.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gateway fanout: POST messages at a fixed rate into one channel with no sockets (the baseline), then again with
 * {@code sockets} gateway connections (spread over {@code users} members) subscribed to it, measuring each socket's
 * delivery latency from the POST's intended send time and the POST latency under fanout.
 */
final class FanoutScenario {
    /**
     * The runs of the scenario and how many sockets were subscribed; with a second node, {@code delivery} is the
     * node A (same node as the POSTs) half and {@code crossNode} the node B half, measured in the same run.
     */
    record Result(RunResult postBaseline, RunResult postUnderFanout, RunResult delivery,
                  java.util.Optional<RunResult> crossNode, int subscribed) {
    }

    private record Socket(WebSocket ws, GatewaySocket listener, boolean onB) {
    }

    private static final int CONNECT_WAVE = 100;
    private static final Duration CONNECT_BOUND = Duration.ofSeconds(90);
    private static final Duration DRAIN_BOUND = Duration.ofSeconds(10);

    private final FilamentApi api;
    private final OpenLoop loop;
    private final BenchOptions options;
    private final DeliveryTracker tracker = new DeliveryTracker();
    private final DeliveryTracker remote = new DeliveryTracker();
    private final java.util.Optional<URI> nodeB;
    private final List<HttpClient> socketClients = new ArrayList<>();

    FanoutScenario(FilamentApi api, OpenLoop loop, BenchOptions options, java.util.Optional<URI> nodeB) {
        this.nodeB = nodeB;
        this.api = api;
        this.loop = loop;
        this.options = options;
    }

    Result run() throws Exception {
        String stamp = Long.toString(System.currentTimeMillis() % 10_000_000_000L, 36);
        String owner = api.registerAndLogin("bf" + stamp + "_0");
        String guild = api.createGuild(owner, "bench fanout", "public");
        String channel = api.createChannel(owner, guild, "fanout");
        List<String> tokens = new ArrayList<>(List.of(owner));
        for (int i = 1; i < options.users(); i++) {
            String token = api.registerAndLogin("bf" + stamp + "_" + i);
            api.join(token, guild);
            tokens.add(token);
        }
        double rate = options.rateFanout();
        loop.run("warm-up", rate, options.warmup(), "200", post(owner, guild, channel, 0));
        RunResult baseline = loop.run("POST messages, 0 sockets", rate, options.duration(), "200",
                post(owner, guild, channel, 1));
        List<Socket> sockets = connect(tokens, guild, channel);
        try {
            loop.run("warm-up", rate, options.warmup(), "200", post(owner, guild, channel, 2));
            int capacity = (int) Math.ceil(rate * options.duration().toMillis() / 1000.0) + 1;
            DeliveryTracker.Window window = tracker.begin(3, capacity);
            DeliveryTracker.Window remoteWindow = remote.begin(3, capacity);
            long start = System.nanoTime();
            RunResult underFanout = loop.run("POST messages, " + sockets.size() + " sockets", rate,
                    options.duration(), "200", post(owner, guild, channel, 3));
            int onB = (int) sockets.stream().filter(Socket::onB).count();
            int onA = sockets.size() - onB;
            long expected = underFanout.successes() * onA;
            long expectedB = underFanout.successes() * onB;
            long drainDeadline = System.nanoTime() + DRAIN_BOUND.toNanos();
            while ((window.delivered().sum() < expected || remoteWindow.delivered().sum() < expectedB)
                    && System.nanoTime() < drainDeadline) {
                Thread.sleep(50);
            }
            String where = nodeB.isPresent() ? " on node A (local)" : "";
            return new Result(baseline, underFanout, delivery(tracker, window, start, expected, rate * onA, onA,
                    where), nodeB.map(b -> delivery(remote, remoteWindow, start, expectedB, rate * onB, onB,
                    " on node B (cross-node)")), sockets.size());
        } finally {
            close(sockets);
        }
    }

    private OpenLoop.Shot post(String token, String guild, String channel, int run) {
        return (seq, intended) -> {
            tracker.sending(run, seq, intended);
            remote.sending(run, seq, intended);
            return api.status(api.postMessage(token, guild, channel, DeliveryTracker.content(run, seq)));
        };
    }

    private RunResult delivery(DeliveryTracker from, DeliveryTracker.Window w, long start, long expected,
            double target, int sockets, String where) {
        long delivered = w.delivered().sum();
        Map<String, Long> errors = new TreeMap<>(from.socketEvents().without(""));
        if (expected > delivered) {
            errors.put("not_delivered", expected - delivered);
        }
        double seconds = Math.max(options.duration().toNanos(), w.lastDeliveryNanos().get() - start) / 1e9;
        return new RunResult("delivery to " + sockets + " sockets" + where, target, delivered / seconds, w.latencyMicros(),
                errors, delivered);
    }

    private List<Socket> connect(List<String> tokens, String guild, String channel) throws InterruptedException {
        List<HttpClient> clients = socketClients;
        // the server admits 256 connections per peer address (SPEC 2.1): spread over loopback addresses
        for (int i = 0; i < (options.sockets() + PER_PEER - 1) / PER_PEER; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .localAddress(loopback(i)).connectTimeout(Duration.ofSeconds(10)).build());
        }
        List<Socket> open = new ArrayList<>();
        long deadline = System.nanoTime() + CONNECT_BOUND.toNanos();
        for (int first = 0; first < options.sockets() && System.nanoTime() < deadline; first += CONNECT_WAVE) {
            List<CompletableFuture<Socket>> wave = new ArrayList<>();
            for (int i = first; i < Math.min(options.sockets(), first + CONNECT_WAVE); i++) {
                boolean onB = nodeB.isPresent() && i % 2 == 1; // every other socket on the second node
                GatewaySocket listener = new GatewaySocket(guild, channel, onB ? remote : tracker);
                String authority = onB ? nodeB.get().getAuthority() : api.base().getAuthority();
                URI uri = URI.create("ws://" + authority + "/gateway/ws?access_token=" + tokens.get(i % tokens.size()));
                wave.add(clients.get(i / PER_PEER).newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, listener)
                        .thenCompose(ws -> listener.subscribed().thenApply(v -> new Socket(ws, listener, onB))));
            }
            for (CompletableFuture<Socket> f : wave) {
                try {
                    open.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (Exception e) {
                    tracker.socketEvent("connect_failed");
                }
            }
        }
        return open;
    }

    /** The {@code i}-th loopback source address: 127.0.0.2, 127.0.0.3, ... */
    static java.net.InetAddress loopback(int i) {
        try {
            return java.net.InetAddress.getByName("127.0." + (1 + i / 250) + "." + (2 + i % 250));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static final int PER_PEER = 250;

    private void close(List<Socket> sockets) throws InterruptedException {
        List<CompletableFuture<WebSocket>> closes = new ArrayList<>();
        for (Socket s : sockets) {
            s.listener().closing();
            closes.add(s.ws().sendClose(WebSocket.NORMAL_CLOSURE, "bench done"));
        }
        try {
            CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // close frames not acknowledged in time: the aborts below release the rest
        }
        sockets.forEach(s -> s.ws().abort());
        socketClients.forEach(HttpClient::shutdownNow); // also drops sockets whose subscription failed
    }
}
