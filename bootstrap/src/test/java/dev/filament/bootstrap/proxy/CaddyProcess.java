package dev.filament.bootstrap.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filament.application.shared.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real Caddy run as a child process with one of infra's Caddyfiles; its JSON access log is read from its stdout. */
public final class CaddyProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(20);
    private static final Duration LOG_WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private CaddyProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** True when a {@code caddy} binary runs from the PATH (CI installs Debian's package through .ci/prepare). */
    public static boolean installed() {
        try {
            Process probe = new ProcessBuilder("caddy", "version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A file of the repository's infra/ folder, found from the module directory the tests run in. */
    public static Path infraFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infra").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("infra/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * {@code n} distinct free ports for Caddy, which listens on every interface: each probed by binding the wildcard
     * address, all held open together while allocated, so none repeats. They are drawn below Linux's ephemeral range
     * (32768+), where the kernel's own port-0 picks and the outgoing connections of concurrent tests never land, so a
     * port cannot be taken by another test between this probe and Caddy's bind.
     */
    public static int[] freeLoopbackPorts(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
            for (int tries = 0; held.size() < n; tries++) {
                if (tries > 1_000) {
                    throw new IllegalStateException("no free port in 20000..32767");
                }
                try {
                    ServerSocket probe = new ServerSocket();
                    probe.setReuseAddress(false);
                    probe.bind(new InetSocketAddress(random.nextInt(20_000, 32_768)), 1);
                    held.add(probe);
                } catch (IOException taken) {
                    // in use: draw another
                }
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a probe socket that fails to close keeps its port; the caller never uses a port twice anyway
                }
            }
        }
    }

    /** Starts {@code caddy run} and returns once every given loopback port accepts connections. */
    public static CaddyProcess start(Path caddyfile, Map<String, String> env, Path workDir, int... ports) throws IOException {
        Path out = workDir.resolve("caddy.stdout.log");
        Path err = workDir.resolve("caddy.stderr.log");
        ProcessBuilder builder = new ProcessBuilder("caddy", "run", "--config", caddyfile.toString(),
                "--adapter", "caddyfile").directory(workDir.toFile());
        builder.environment().putAll(env);
        // Caddy keeps autosave and storage under these; keep them out of the user's home.
        builder.environment().put("XDG_CONFIG_HOME", workDir.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", workDir.resolve("data").toString());
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        CaddyProcess caddy = new CaddyProcess(builder.start(), out, err);
        try {
            for (int port : ports) {
                caddy.awaitListening(port);
            }
        } catch (RuntimeException | AssertionError e) {
            caddy.close();
            throw e;
        }
        return caddy;
    }

    private void awaitListening(int port) throws IOException {
        Eventually.retrying("caddy listens on " + port, STARTUP, IOException.class, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("caddy exited with " + process.exitValue() + ": " + read(stderr));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            }
            return port;
        });
    }

    /** The first access-log entry matching the predicate; Caddy writes it just after the response, so wait a little. */
    JsonNode awaitAccessLog(Predicate<JsonNode> predicate) {
        return Eventually.until("a matching Caddy access log entry", LOG_WAIT,
                () -> accessLog().stream().filter(predicate).findFirst(), Optional::isPresent).orElseThrow();
    }

    List<JsonNode> accessLog() {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : read(stdout).split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            try {
                JsonNode entry = JSON.readTree(line);
                if (entry.path("logger").asText().startsWith("http.log.access")) {
                    entries.add(entry);
                }
            } catch (IOException partialLine) {
                // the last line may still be being written
            }
        }
        return entries;
    }

    /** Values of a header in a logged header object ({@code request.headers} or {@code resp_headers}). */
    static List<String> headerValues(JsonNode headers, String name) {
        List<String> values = new ArrayList<>();
        headers.fields().forEachRemaining(field -> {
            if (field.getKey().equalsIgnoreCase(name)) {
                field.getValue().forEach(v -> values.add(v.asText()));
            }
        });
        return values;
    }

    String rawStdout() {
        return read(stdout);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, then a bounded wait; a Caddy that ignores it is killed so that no process outlives the tests. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
