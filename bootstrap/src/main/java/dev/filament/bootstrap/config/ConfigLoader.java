package dev.filament.bootstrap.config;

import dev.filament.domain.id.Ulid;
import dev.filament.domain.net.Cidr;
import dev.filament.postgres.DatabaseUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates every variable of SPEC 13; the first invalid one stops startup with a message naming it. */
public final class ConfigLoader {
    private static final Pattern ORIGIN = Pattern.compile("^[a-z][a-z0-9+.-]*://[^/\\s:@]+(:[0-9]{1,5})?$");
    private static final long MAX_INT = Integer.MAX_VALUE;
    private static final Pattern NODE_ID = Pattern.compile("^[A-Za-z0-9_.-]{1,32}$");
    private static final Pattern REDIS_URL = Pattern.compile(
            "^rediss?://(?:[^@/\\s]*@)?(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9_.-]+)(?::([0-9]{1,5}))?(?:/(?:[0-9]|1[0-5]))?/?$");

    private ConfigLoader() {
    }

    public static ServerConfig load(Map<String, String> vars, boolean stdoutIsTerminal) {
        Env env = new Env(vars);
        String[] bind = bindAddr(env.string("FILAMENT_BIND_ADDR", "0.0.0.0:3000"));
        long request = env.integer("FILAMENT_REQUEST_TIMEOUT_MS", 10_000, 100, 600_000);
        Path dataDir = Path.of(env.string("FILAMENT_DATA_DIR", "./data"));
        return new ServerConfig(
                bind[0], Integer.parseInt(bind[1]),
                databaseUrl(env),
                dataDir,
                Path.of(env.string("FILAMENT_ATTACHMENT_ROOT", "./data/attachments")),
                S3Config.load(env),
                Duration.ofMillis(request),
                Duration.ofMillis(dbBound(env, "FILAMENT_DB_ACQUIRE_TIMEOUT_MS", 2_000, request)),
                Duration.ofMillis(dbBound(env, "FILAMENT_DB_STATEMENT_TIMEOUT_MS", 5_000, request)),
                Duration.ofMillis(dbBound(env, "FILAMENT_DB_LOCK_TIMEOUT_MS", 2_000, request)),
                env.integer("FILAMENT_MAX_BODY_BYTES", 1_048_576, 1, Long.MAX_VALUE),
                (int) env.integer("FILAMENT_MAX_CONNECTIONS", 20_000, 100, MAX_INT),
                (int) env.integer("FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE", 600, 1, MAX_INT),
                (int) env.integer("FILAMENT_AUTH_ROUTE_REQUESTS_PER_MINUTE", 60, 1, MAX_INT),
                cidrs(env),
                tokenKey(env),
                env.string("FILAMENT_SERVER_OWNER_USER_ID").map(v -> Ulid.parse(v).orElseThrow(
                        () -> new ConfigException("FILAMENT_SERVER_OWNER_USER_ID", "must be a ULID"))),
                (int) env.integer("FILAMENT_MAX_CREATED_GUILDS_PER_USER", 5, 1, MAX_INT),
                (int) env.integer("FILAMENT_DIRECTORY_JOIN_REQUESTS_PER_MINUTE_PER_IP", 60, 1, MAX_INT),
                (int) env.integer("FILAMENT_DIRECTORY_JOIN_REQUESTS_PER_MINUTE_PER_USER", 30, 1, MAX_INT),
                (int) env.integer("FILAMENT_AUDIT_LIST_LIMIT_MAX", 100, 1, MAX_INT),
                (int) env.integer("FILAMENT_GUILD_IP_BAN_MAX_ENTRIES", 4096, 1, MAX_INT),
                (int) env.integer("FILAMENT_GATEWAY_INGRESS_EVENTS_PER_WINDOW", 60, 1, MAX_INT),
                (int) env.integer("FILAMENT_GATEWAY_INGRESS_WINDOW_SECS", 10, 1, MAX_INT),
                origins(env),
                (int) env.integer("FILAMENT_MEDIA_TOKEN_REQUESTS_PER_MINUTE", 60, 1, MAX_INT),
                (int) env.integer("FILAMENT_MEDIA_PUBLISH_REQUESTS_PER_MINUTE", 60, 1, MAX_INT),
                liveKit(env),
                liveKitUrl(env),
                hcaptcha(env),
                (int) env.integer("FILAMENT_SEARCH_MAX_LAG_SECONDS", 60, 1, MAX_INT),
                env.string("FILAMENT_METRICS_TOKEN"),
                env.bool("FILAMENT_ENABLE_DEBUG_ROUTES", false),
                env.bool("FILAMENT_DEBUG_REQUEST_TIMINGS", false),
                logFormat(env, stdoutIsTerminal),
                logLevel(env),
                nodeId(env),
                redisUrl(env));
    }

    private static String nodeId(Env env) {
        Optional<String> raw = env.string("FILAMENT_NODE_ID");
        if (raw.isPresent()) {
            if (!NODE_ID.matcher(raw.get()).matches()) {
                throw new ConfigException("FILAMENT_NODE_ID", "must be 1..32 chars of [A-Za-z0-9_.-]");
            }
            return raw.get();
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        String cleaned = host.replaceAll("[^A-Za-z0-9_.-]", "-");
        return cleaned.isEmpty() ? "node" : cleaned.substring(0, Math.min(32, cleaned.length()));
    }

    // SPEC 13: redis:// or rediss:// [user[:password]@]host[:port][/db], db 0..15; needs an external database
    private static Optional<String> redisUrl(Env env) {
        Optional<String> url = env.string("FILAMENT_REDIS_URL");
        url.ifPresent(u -> {
            var m = REDIS_URL.matcher(u);
            if (!m.matches() || (m.group(1) != null && Integer.parseInt(m.group(1)) > 65_535)) {
                throw new ConfigException("FILAMENT_REDIS_URL",
                        "must be redis:// or rediss:// [user[:password]@]host[:port][/db] with db 0..15");
            }
            if (env.string("FILAMENT_DATABASE_URL").isEmpty()) {
                throw new ConfigException("FILAMENT_REDIS_URL",
                        "requires FILAMENT_DATABASE_URL (an embedded database cannot be shared)");
            }
        });
        return url;
    }

    private static String[] bindAddr(String raw) {
        String name = "FILAMENT_BIND_ADDR";
        int colon = raw.lastIndexOf(':');
        if (colon <= 0 || colon == raw.length() - 1) {
            throw new ConfigException(name, "must be host:port");
        }
        String host = raw.substring(0, colon);
        String port = raw.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new ConfigException(name, "an IPv6 host must be in brackets");
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535 || host.isBlank()) {
            throw new ConfigException(name, "must be host:port with a port 0..65535");
        }
        return new String[] {host, port};
    }

    private static Optional<String> databaseUrl(Env env) {
        Optional<String> url = env.string("FILAMENT_DATABASE_URL");
        url.ifPresent(u -> {
            try {
                DatabaseUrl.parse(u);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("FILAMENT_DATABASE_URL", "must be a postgres:// or jdbc:postgresql:// URL");
            }
        });
        return url;
    }

    private static long dbBound(Env env, String name, long fallback, long request) {
        long v = env.integer(name, fallback, 1, Long.MAX_VALUE);
        if (v >= request) {
            throw new ConfigException(name, "must be less than FILAMENT_REQUEST_TIMEOUT_MS (" + request + ")");
        }
        return v;
    }

    private static List<Cidr> cidrs(Env env) {
        String name = "FILAMENT_TRUSTED_PROXY_CIDRS";
        Optional<String> raw = env.string(name);
        if (raw.isEmpty()) {
            return List.of();
        }
        List<Cidr> out = new ArrayList<>();
        String[] entries = raw.get().split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int position = i + 1;
            if (entry.isEmpty()) {
                throw new ConfigException(name, "entry " + position + " is empty");
            }
            out.add(Cidr.parse(entry).orElseThrow(
                    () -> new ConfigException(name, "entry " + position + " is not an IP or CIDR")));
        }
        return List.copyOf(out);
    }

    private static Optional<byte[]> tokenKey(Env env) {
        return env.string("FILAMENT_TOKEN_KEY").map(raw -> {
            byte[] key;
            try {
                key = raw.contains("-") || raw.contains("_")
                        ? Base64.getUrlDecoder().decode(raw) : Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("FILAMENT_TOKEN_KEY", "must be base64 (standard or URL-safe)");
            }
            if (key.length != 32) {
                throw new ConfigException("FILAMENT_TOKEN_KEY", "must decode to exactly 32 bytes");
            }
            return key;
        });
    }

    private static List<String> origins(Env env) {
        String name = "FILAMENT_GATEWAY_ALLOWED_ORIGINS";
        Optional<String> raw = env.string(name);
        if (raw.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String[] entries = raw.get().split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            if (!ORIGIN.matcher(entry).matches()) {
                throw new ConfigException(name, "entry " + (i + 1) + " must be scheme://host[:port]");
            }
            out.add(entry);
        }
        return List.copyOf(out);
    }

    private static Optional<ServerConfig.LiveKitKeys> liveKit(Env env) {
        Optional<String> key = env.string("FILAMENT_LIVEKIT_API_KEY");
        Optional<String> secret = env.string("FILAMENT_LIVEKIT_API_SECRET");
        if (key.isPresent() != secret.isPresent()) {
            throw new ConfigException(key.isPresent() ? "FILAMENT_LIVEKIT_API_SECRET" : "FILAMENT_LIVEKIT_API_KEY",
                    "LiveKit key and secret must be set together");
        }
        return key.map(k -> new ServerConfig.LiveKitKeys(k, secret.get()));
    }

    private static String liveKitUrl(Env env) {
        String url = env.string("FILAMENT_LIVEKIT_URL", "ws://127.0.0.1:7880");
        if (!(url.startsWith("ws://") || url.startsWith("wss://")) || url.length() > 256) {
            throw new ConfigException("FILAMENT_LIVEKIT_URL", "must start with ws:// or wss:// (at most 256 chars)");
        }
        return url;
    }

    private static Optional<ServerConfig.Hcaptcha> hcaptcha(Env env) {
        String url = env.string("FILAMENT_HCAPTCHA_VERIFY_URL", "https://api.hcaptcha.com/siteverify");
        boolean local = url.startsWith("http://127.0.0.1") || url.startsWith("http://localhost");
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (url.length() > 512 || !(url.startsWith("https://") || local) || uri == null || uri.getHost() == null) {
            throw new ConfigException("FILAMENT_HCAPTCHA_VERIFY_URL",
                    "must be an https:// URL (or http://127.0.0.1 / http://localhost), at most 512 chars");
        }
        Optional<String> siteKey = env.string("FILAMENT_HCAPTCHA_SITE_KEY");
        Optional<String> secret = env.string("FILAMENT_HCAPTCHA_SECRET");
        if (siteKey.isPresent() != secret.isPresent()) {
            throw new ConfigException(siteKey.isPresent() ? "FILAMENT_HCAPTCHA_SECRET" : "FILAMENT_HCAPTCHA_SITE_KEY",
                    "hCaptcha site key and secret must be set together");
        }
        java.net.URI verifyUrl = uri;
        return siteKey.map(k -> new ServerConfig.Hcaptcha(k, secret.get(), verifyUrl));
    }

    private static ServerConfig.LogFormat logFormat(Env env, boolean terminal) {
        return switch (env.string("FILAMENT_LOG_FORMAT", terminal ? "text" : "json").toLowerCase(Locale.ROOT)) {
            case "json" -> ServerConfig.LogFormat.JSON;
            case "text" -> ServerConfig.LogFormat.TEXT;
            default -> throw new ConfigException("FILAMENT_LOG_FORMAT", "must be json or text");
        };
    }

    private static String logLevel(Env env) {
        String level = env.string("FILAMENT_LOG_LEVEL", "info").toLowerCase(Locale.ROOT);
        if (!List.of("trace", "debug", "info", "warn", "error").contains(level)) {
            throw new ConfigException("FILAMENT_LOG_LEVEL", "must be trace, debug, info, warn or error");
        }
        return level;
    }
}
