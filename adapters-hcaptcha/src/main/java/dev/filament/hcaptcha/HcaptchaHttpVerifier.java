package dev.filament.hcaptcha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filament.application.identity.port.out.CaptchaOutcome;
import dev.filament.application.identity.port.out.CaptchaVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link CaptchaVerifier} over HTTP (SPEC 4.4): one form POST of {@code secret}, {@code response}, {@code sitekey} and
 * {@code remoteip} to the verify URL, redirects not followed. At most 64 verifications run at once; the slot wait,
 * connect, send and read share the one bound, and the body is read up to 65536 bytes. Passed iff the status is 2xx and
 * the body is a JSON object whose {@code success} is {@code true}; anything else is an outcome, never an exception.
 */
public final class HcaptchaHttpVerifier implements CaptchaVerifier, AutoCloseable {
    public static final int MAX_CONCURRENT = 64;
    public static final int MAX_BODY_BYTES = 65536;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI verifyUrl;
    private final String siteKey;
    private final String secret;
    private final HttpClient client;
    private final Semaphore slots;
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("hcaptcha-", 0).factory());

    public HcaptchaHttpVerifier(URI verifyUrl, String siteKey, String secret) {
        this(verifyUrl, siteKey, secret, MAX_CONCURRENT);
    }

    HcaptchaHttpVerifier(URI verifyUrl, String siteKey, String secret, int maxConcurrent) {
        this.verifyUrl = Objects.requireNonNull(verifyUrl, "verifyUrl");
        this.siteKey = Objects.requireNonNull(siteKey, "siteKey");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.slots = new Semaphore(maxConcurrent);
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(3)).build();
    }

    @Override
    public Verification verify(String token, String remoteIp, Duration bound) {
        long deadline = System.nanoTime() + Math.max(0, bound.toNanos());
        try {
            if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return Verification.of(CaptchaOutcome.BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verification.of(CaptchaOutcome.TIMEOUT);
        }
        try {
            return call(token, remoteIp, deadline);
        } finally {
            slots.release();
        }
    }

    private Verification call(String token, String remoteIp, long deadline) {
        Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        HttpRequest request = HttpRequest.newBuilder(verifyUrl).timeout(left)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(token, remoteIp))).build();
        Future<Verification> running = calls.submit(() -> exchange(request));
        try {
            return running.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return Verification.of(CaptchaOutcome.TIMEOUT);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return Verification.of(CaptchaOutcome.TIMEOUT);
        } catch (ExecutionException e) {
            return Verification.of(e.getCause() instanceof HttpTimeoutException
                    ? CaptchaOutcome.TIMEOUT : CaptchaOutcome.REQUEST_ERROR);
        }
    }

    private Verification exchange(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                return Verification.of(CaptchaOutcome.BAD_STATUS);
            }
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? Verification.of(CaptchaOutcome.BAD_BODY) : verdict(bytes);
        }
    }

    static Verification verdict(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return Verification.of(CaptchaOutcome.BAD_BODY);
        }
        if (json == null || !json.isObject()) {
            return Verification.of(CaptchaOutcome.BAD_BODY);
        }
        List<String> codes = new ArrayList<>();
        JsonNode errors = json.get("error-codes");
        if (errors != null && errors.isArray()) {
            errors.forEach(c -> codes.add(c.asText()));
        }
        Optional<String> hostname = Optional.ofNullable(json.get("hostname")).filter(JsonNode::isTextual)
                .map(JsonNode::asText);
        Optional<Double> score = Optional.ofNullable(json.get("score")).filter(JsonNode::isNumber)
                .map(JsonNode::asDouble);
        JsonNode success = json.get("success");
        CaptchaOutcome outcome = success == null || !success.isBoolean() ? CaptchaOutcome.BAD_BODY
                : success.booleanValue() ? CaptchaOutcome.SUCCESS : CaptchaOutcome.REJECTED;
        return new Verification(outcome, codes, hostname, score);
    }

    private String form(String token, String remoteIp) {
        return "secret=" + enc(secret) + "&response=" + enc(token) + "&sitekey=" + enc(siteKey)
                + "&remoteip=" + enc(remoteIp);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Free verification slots (tests). */
    int freeSlots() {
        return slots.availablePermits();
    }

    @Override
    public void close() {
        calls.shutdownNow();
        client.shutdownNow();
    }
}
