package dev.filament.hcaptcha;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.filament.application.identity.port.out.CaptchaOutcome;
import dev.filament.application.identity.port.out.CaptchaVerifier;
import dev.filament.application.identity.port.out.CaptchaVerifier.Verification;
import dev.filament.application.identity.port.out.CaptchaVerifierContract;
import dev.filament.application.shared.testing.Eventually;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP verifier against a local stub of the siteverify endpoint (JDK HttpServer, no network). */
class HcaptchaHttpVerifierTest extends CaptchaVerifierContract {
    private static HttpServer stub;
    private static final List<Map<String, String>> FORMS = new CopyOnWriteArrayList<>();
    private static final List<String> CONTENT_TYPES = new CopyOnWriteArrayList<>();
    private static volatile String acceptedToken = GOOD;
    private static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);
    private final List<HcaptchaHttpVerifier> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        stub.createContext("/siteverify", HcaptchaHttpVerifierTest::siteverify);
        stub.createContext("/status500", ex -> respond(ex, 500, "{\"success\":true}"));
        stub.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", "/siteverify");
            respond(ex, 302, "");
        });
        stub.createContext("/notjson", ex -> respond(ex, 200, "<html>ok</html>"));
        stub.createContext("/array", ex -> respond(ex, 200, "[true]"));
        stub.createContext("/nosuccess", ex -> respond(ex, 200, "{\"hostname\":\"x\"}"));
        stub.createContext("/huge", ex -> respond(ex, 200,
                "{\"success\":true,\"pad\":\"" + "x".repeat(70_000) + "\"}"));
        stub.createContext("/slow", ex -> {
            try {
                RELEASE_SLOW.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "{\"success\":true}");
        });
        stub.start();
    }

    @AfterAll
    static void stopStub() {
        RELEASE_SLOW.countDown();
        stub.stop(0);
    }

    @AfterEach
    void closeVerifiers() {
        opened.forEach(HcaptchaHttpVerifier::close);
    }

    private static void siteverify(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        FORMS.add(form);
        CONTENT_TYPES.add(ex.getRequestHeaders().getFirst("Content-Type"));
        boolean ok = "s3cret".equals(form.get("secret")) && acceptedToken.equals(form.get("response"));
        respond(ex, 200, ok
                ? "{\"success\":true,\"hostname\":\"filament.test\",\"score\":0.1}"
                : "{\"success\":false,\"error-codes\":[\"" + INVALID_RESPONSE + "\"]}");
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    private HcaptchaHttpVerifier verifier(String path, int maxConcurrent) {
        URI url = URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + path);
        HcaptchaHttpVerifier v = new HcaptchaHttpVerifier(url, "site-key-1", "s3cret", maxConcurrent);
        opened.add(v);
        return v;
    }

    @Override
    protected CaptchaVerifier verifierAcceptingOnly(String goodToken) {
        acceptedToken = goodToken;
        return verifier("/siteverify", 64);
    }

    private Verification verify(String path) {
        return verifier(path, 64).verify(GOOD, "203.0.113.7", Duration.ofSeconds(3));
    }

    @Test
    void postsTheFourFormFieldsAsUrlEncodedAndReadsHostnameAndScore() {
        FORMS.clear();
        Verification v = verifierAcceptingOnly(GOOD).verify(GOOD, "2001:db8::1", Duration.ofSeconds(3));

        assertThat(FORMS).singleElement().isEqualTo(Map.of("secret", "s3cret", "response", GOOD,
                "sitekey", "site-key-1", "remoteip", "2001:db8::1"));
        assertThat(CONTENT_TYPES).last().isEqualTo("application/x-www-form-urlencoded");
        assertThat(v.hostname()).contains("filament.test");
        assertThat(v.score()).contains(0.1);
    }

    @Test
    void everyUnusableAnswerFailsClosed() {
        assertThat(verify("/status500").outcome()).isEqualTo(CaptchaOutcome.BAD_STATUS);
        assertThat(verify("/redirect").outcome()).as("redirects are not followed").isEqualTo(CaptchaOutcome.BAD_STATUS);
        assertThat(verify("/notjson").outcome()).isEqualTo(CaptchaOutcome.BAD_BODY);
        assertThat(verify("/array").outcome()).isEqualTo(CaptchaOutcome.BAD_BODY);
        assertThat(verify("/nosuccess").outcome()).isEqualTo(CaptchaOutcome.BAD_BODY);
        assertThat(verify("/huge").outcome()).as("body over 65536 bytes").isEqualTo(CaptchaOutcome.BAD_BODY);
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsATimeoutWithinTheBound() {
        long started = System.nanoTime();
        Verification v = verifier("/slow", 64).verify(GOOD, "203.0.113.7", Duration.ofMillis(300));
        assertThat(v.outcome()).isEqualTo(CaptchaOutcome.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anUnreachableProviderIsARequestError() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HcaptchaHttpVerifier v = new HcaptchaHttpVerifier(URI.create("http://127.0.0.1:" + closedPort + "/x"),
                "k", "s", 64);
        opened.add(v);
        assertThat(v.verify(GOOD, "203.0.113.7", Duration.ofSeconds(2)).outcome())
                .isEqualTo(CaptchaOutcome.REQUEST_ERROR);
    }

    @Test
    void whenEverySlotIsTakenAVerificationIsBusyWithinTheBound() throws Exception {
        HcaptchaHttpVerifier one = verifier("/slow", 1);
        CompletableFuture<Verification> holding = CompletableFuture.supplyAsync(
                () -> one.verify(GOOD, "203.0.113.7", Duration.ofSeconds(2)));
        Eventually.until("the first call holds the only slot", Duration.ofSeconds(5), () -> one.freeSlots() == 0);
        Verification second = one.verify(GOOD, "203.0.113.8", Duration.ofMillis(200));
        assertThat(second.outcome()).isEqualTo(CaptchaOutcome.BUSY);
        assertThat(holding.get(5, TimeUnit.SECONDS).outcome()).isEqualTo(CaptchaOutcome.TIMEOUT);
    }
}
