package dev.filament.http.people;

import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.domain.identity.ProfileImageKind;
import dev.filament.domain.identity.StoredImage;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** SPEC 4.5 avatar and banner routes over HTTP: raw uploads with their caps and types, public cached downloads. */
class ProfileImageRoutesHttpTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7};
    private static final PeopleHttpFixture F = new PeopleHttpFixture(1_000);

    @AfterAll
    static void close() {
        F.close();
    }

    private static HttpResponse<String> upload(String kind, Caller caller, String contentType, byte[] body)
            throws Exception {
        // Expect: 100-continue, so a 413 decided from Content-Length reaches the client before it pushes the body
        // into a connection the server closes (otherwise the reset can discard the answer under load)
        HttpRequest.Builder r = F.http.request("/users/me/profile/" + kind).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (caller != null) {
            r.header("Authorization", "Bearer " + caller.token());
        }
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        return F.http.send(r);
    }

    private static byte[] png(int size) {
        byte[] b = Arrays.copyOf(PNG, size);
        Arrays.fill(b, PNG.length, size, (byte) 1);
        return b;
    }

    @Test
    void uploadThenPublicDownloadWithEtag304AndCacheRules() throws Exception {
        Caller alice = F.user();
        JsonNode profile = json(upload("avatar", alice, "image/x-png", PNG), 200);
        long version = profile.get("avatar_version").asLong();
        assertThat(version).isPositive();
        assertThat(profile.get("banner_version").asLong()).isZero();
        StoredImage image = F.users.findImage(alice.id(), ProfileImageKind.AVATAR).orElseThrow();
        assertThat(F.gc.notBefore(BlobKey.parse(image.objectKey()).orElseThrow())).isEmpty();

        String path = "/users/" + alice.id().value() + "/avatar";
        HttpResponse<String> current = F.http.get(path + "?v=" + version, null, "Authorization", "Bearer junk");
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(current.headers().firstValue("Content-Length")).contains(String.valueOf(PNG.length));
        assertThat(current.headers().firstValue("ETag")).contains(image.etag());
        assertThat(current.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(current.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(current.headers().firstValue("Content-Security-Policy"))
                .contains("default-src 'none'; sandbox");
        assertThat(F.http.get(path + "?v=1").headers().firstValue("Cache-Control")).contains("public, max-age=300");
        assertThat(F.http.get(path).headers().firstValue("Cache-Control")).contains("public, max-age=300");

        HttpResponse<String> notModified = F.http.get(path, null, "If-None-Match", "\"other\", W/" + image.etag());
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).contains(image.etag());
        assertThat(F.http.get(path, null, "If-None-Match", "*").statusCode()).isEqualTo(304);
    }

    @Test
    void downloadErrors() throws Exception {
        Caller alice = F.user();
        error(F.http.get("/users/" + alice.id().value() + "/banner"), 404, "not_found");
        error(F.http.get("/users/nope/avatar"), 404, "not_found");
        error(F.http.get("/users/01J000000000000000000000Z9/avatar"), 404, "not_found");
        json(upload("banner", alice, null, PNG), 200);
        String path = "/users/" + alice.id().value() + "/banner";
        for (String bad : new String[] {"?v=-1", "?v=x", "?v=9007199254740992", "?v=1&v=2", "?w=1", "?v="}) {
            HttpResponse<String> r = F.http.get(path + bad);
            error(r, 400, "invalid_request");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        }
        assertThat(F.http.get(path + "?v=9007199254740991").statusCode()).isEqualTo(200);
    }

    @Test
    void uploadRejectionsStoreNothing() throws Exception {
        Caller alice = F.user();
        int before = F.store.size();
        error(upload("avatar", null, "image/png", PNG), 401, "invalid_credentials");
        error(upload("avatar", alice, "image/svg+xml", PNG), 415, "unsupported_media_type");
        error(upload("avatar", alice, "not a type", PNG), 400, "invalid_request");
        error(upload("avatar", alice, "image/png", "hello".getBytes()), 415, "unsupported_media_type");
        error(upload("avatar", alice, "image/gif", PNG), 400, "invalid_request");
        error(upload("avatar", alice, null, new byte[0]), 400, "invalid_request");
        error(upload("avatar", alice, null, png(2_097_153)), 413, "payload_too_large");
        HttpRequest.Builder query = F.http.request("/users/me/profile/avatar?x=1")
                .header("Authorization", "Bearer " + alice.token()).POST(HttpRequest.BodyPublishers.ofByteArray(PNG));
        error(F.http.send(query), 400, "invalid_request");
        assertThat(F.store.size()).isEqualTo(before);
        assertThat(F.users.findImage(alice.id(), ProfileImageKind.AVATAR)).isEmpty();
    }

    @Test
    void bannerTakesMoreThanTheAvatarCap() throws Exception {
        Caller alice = F.user();
        JsonNode profile = json(upload("banner", alice, "image/png", png(3_000_000)), 200);
        assertThat(profile.get("banner_version").asLong()).isPositive();
        error(upload("banner", alice, null, png(6_291_457)), 413, "payload_too_large");
    }

    @Test
    void uploadLimiterIsPerClientIpAndRunsBeforeAuthentication() throws Exception {
        try (PeopleHttpFixture f = new PeopleHttpFixture(1)) {
            HttpRequest.Builder r = f.http.request("/users/me/profile/banner")
                    .header("X-Forwarded-For", "198.51.100.9").POST(HttpRequest.BodyPublishers.ofByteArray(PNG));
            error(f.http.send(r), 401, "invalid_credentials");
            HttpResponse<String> limited = f.http.send(f.http.request("/users/me/profile/banner")
                    .header("X-Forwarded-For", "198.51.100.9").POST(HttpRequest.BodyPublishers.ofByteArray(PNG)));
            error(limited, 429, "rate_limited");
            assertThat(limited.headers().firstValue("RateLimit-Policy"))
                    .contains("\"profile_banner_upload\";q=1;w=60");
        }
    }
}
