package dev.filament.livekit;

import java.net.URI;
import java.util.Objects;

/**
 * LiveKit settings (SPEC 13): API key and secret (both set when voice is configured) and the {@code ws://} or
 * {@code wss://} URL clients connect to. {@link #toString()} never shows the secret.
 */
public record LiveKitCredentials(String apiKey, String apiSecret, String url) {
    public static final int MAX_URL_LENGTH = 256;

    public LiveKitCredentials {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must be non-empty");
        }
        if (apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("apiSecret must be non-empty");
        }
        Objects.requireNonNull(url, "url");
        if (!(url.startsWith("ws://") || url.startsWith("wss://")) || url.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("url must start with ws:// or wss:// and be at most 256 chars");
        }
    }

    /** The server API base: the client URL with {@code ws} → {@code http}, {@code wss} → {@code https}, no trailing slash. */
    public URI apiBase() {
        String http = url.startsWith("wss://") ? "https://" + url.substring(6) : "http://" + url.substring(5);
        while (http.endsWith("/")) {
            http = http.substring(0, http.length() - 1);
        }
        return URI.create(http);
    }

    @Override
    public String toString() {
        return "LiveKitCredentials[apiKey=" + apiKey + ", apiSecret=<redacted>, url=" + url + "]";
    }
}
