package dev.filament.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Idle authenticated, subscribed gateway sockets: the server's heap in use after a full GC ({@code jcmd GC.run}, then
 * {@code GC.heap_info}) and its resident set ({@code VmRSS}), before and with the sockets open, in the same run.
 */
final class IdleSockets {
    private static final Pattern HEAP_USED = Pattern.compile("used ([0-9]+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+([0-9]+) kB");
    private static final int WAVE = 500;
    private static final int PER_PEER = FanoutScenario.PER_PEER;

    /** Memory of the server process: heap used after a full GC and RSS, in KiB. */
    record Memory(long heapKiB, long rssKiB) {
    }

    record Result(int requested, int subscribed, Memory before, Memory with, Duration connectTime) {
    }

    private final FilamentApi api;
    private final long pid;

    IdleSockets(FilamentApi api, long pid) {
        this.api = api;
        this.pid = pid;
    }

    Result run(int sockets, int users, String stamp) throws Exception {
        String owner = api.registerAndLogin("io" + stamp);
        String guild = api.createGuild(owner, "bench idle", "public");
        String channel = api.createChannel(owner, guild, "idle");
        List<String> tokens = new ArrayList<>(List.of(owner));
        for (int i = 1; i < users; i++) {
            String token = api.registerAndLogin("ii" + stamp + "x" + i);
            api.join(token, guild);
            tokens.add(token);
        }
        Memory before = memory();
        // the server admits 256 connections per peer address (SPEC 2.1): spread over loopback addresses
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < (sockets + PER_PEER - 1) / PER_PEER; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .localAddress(FanoutScenario.loopback(i))
                    .connectTimeout(Duration.ofSeconds(30)).build());
        }
        List<WebSocket> open = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int first = 0; first < sockets; first += WAVE) {
                List<CompletableFuture<WebSocket>> wave = new ArrayList<>();
                for (int i = first; i < Math.min(sockets, first + WAVE); i++) {
                    Listener listener = new Listener(guild, channel);
                    URI uri = URI.create("ws://" + api.base().getAuthority() + "/gateway/ws?access_token="
                            + tokens.get(i % tokens.size()));
                    wave.add(clients.get(i / PER_PEER).newWebSocketBuilder().buildAsync(uri, listener)
                            .thenCompose(ws -> listener.subscribed.thenApply(v -> ws)));
                }
                for (CompletableFuture<WebSocket> f : wave) {
                    try {
                        open.add(f.get(60, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        System.out.println("bench:   idle socket failed: " + e);
                    }
                }
            }
            Duration connectTime = Duration.ofNanos(System.nanoTime() - start);
            Thread.sleep(2_000); // let the server settle (initial frames written, buffers released)
            Memory with = memory();
            String histogram = exec(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "GC.class_histogram"));
            System.out.println("bench:   server heap histogram with the sockets open (top 25):\n"
                    + histogram.lines().limit(28).reduce("", (a, b) -> a + b + "\n"));
            return new Result(sockets, open.size(), before, with, connectTime);
        } finally {
            open.forEach(WebSocket::abort);
            clients.forEach(HttpClient::shutdownNow);
        }
    }

    private Memory memory() throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        exec(List.of(jcmd, Long.toString(pid), "GC.run"));
        Thread.sleep(500);
        exec(List.of(jcmd, Long.toString(pid), "GC.run")); // the second one also clears what the first finalized
        Matcher heap = HEAP_USED.matcher(exec(List.of(jcmd, Long.toString(pid), "GC.heap_info")));
        Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        return new Memory(heap.find() ? Long.parseLong(heap.group(1)) : -1, rss.find() ? Long.parseLong(rss.group(1))
                : -1);
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(cmd + " failed: " + out);
        }
        return out;
    }

    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        private final String subscribe;
        private final StringBuilder partial = new StringBuilder();

        Listener(String guild, String channel) {
            subscribe = "{\"v\":1,\"t\":\"subscribe\",\"d\":{\"guild_id\":\"" + guild + "\",\"channel_id\":\""
                    + channel + "\"}}";
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.contains("\"t\":\"ready\"")) {
                    ws.sendText(subscribe, true);
                } else if (frame.contains("\"t\":\"subscribed\"")) {
                    subscribed.complete(null);
                } else if (frame.contains("\"t\":\"error\"")) {
                    subscribed.completeExceptionally(new IllegalStateException(frame));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            subscribed.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
            return null;
        }
    }
}
