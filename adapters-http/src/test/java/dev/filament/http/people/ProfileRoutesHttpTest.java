package dev.filament.http.people;

import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** SPEC 4.5 profile routes over HTTP: shapes (validated against the API document), order of checks, errors. */
class ProfileRoutesHttpTest {
    private static final PeopleHttpFixture F = new PeopleHttpFixture(1_000);

    @AfterAll
    static void close() {
        F.close();
    }

    private static HttpResponse<String> patch(Caller caller, String json) throws Exception {
        return F.http.send("PATCH", "/users/me/profile", caller, json);
    }

    @Test
    void patchReturnsTheNewProfileWithTokensAndGetShowsItToAnyone() throws Exception {
        Caller alice = F.user();
        String name = "A" + alice.id().value().substring(16);
        JsonNode body = json(patch(alice, "{\"username\":\"" + name + "\",\"about_markdown\":\"hello\"}"), 200);
        assertThat(body.get("user_id").asText()).isEqualTo(alice.id().value());
        assertThat(body.get("username").asText()).isEqualTo(name);
        assertThat(body.get("about_markdown").asText()).isEqualTo("hello");
        assertThat(body.get("about_markdown_tokens").size()).isPositive();
        assertThat(body.get("avatar_version").asLong()).isZero();
        assertThat(body.get("banner_version").asLong()).isZero();

        JsonNode seen = json(F.http.get("/users/" + alice.id().value().toLowerCase() + "/profile", F.user()), 200);
        assertThat(seen).isEqualTo(body);
        GatewayEvent event = F.gateway.events("profile_update").getLast();
        assertThat(event.scope()).isEqualTo(GatewayEvent.Scope.observers(alice.id()));
    }

    @Test
    void emptyAboutClearsAndEmptyTokens() throws Exception {
        Caller alice = F.user();
        json(patch(alice, "{\"about_markdown\":\"x\"}"), 200);
        JsonNode body = json(patch(alice, "{\"about_markdown\":\"\",\"username\":null}"), 200);
        assertThat(body.get("about_markdown").asText()).isEmpty();
        assertThat(body.get("about_markdown_tokens").size()).isZero();
    }

    @Test
    void aNameAnotherUserHoldsInAnyCaseIs409Conflict() throws Exception {
        Caller bob = F.user();
        Caller alice = F.user();
        error(patch(alice, "{\"username\":\"" + bob.name().value().toUpperCase() + "\"}"), 409, "conflict");
    }

    @Test
    void badBodiesAnswer400415422() throws Exception {
        Caller alice = F.user();
        error(patch(alice, "{}"), 400, "invalid_request");
        error(patch(alice, "{\"username\":null,\"about_markdown\":null}"), 400, "invalid_request");
        error(patch(alice, "{\"username\":\"a b\"}"), 400, "invalid_request");
        error(patch(alice, "{\"about_markdown\":\"" + "x".repeat(2049) + "\"}"), 400, "invalid_request");
        error(patch(alice, "{\"about_markdown\":\"a\\u0000\"}"), 400, "invalid_request");
        error(patch(alice, "{\"username\":1}"), 422, "invalid_request");
        error(patch(alice, "{\"nickname\":\"x\"}"), 422, "invalid_request");
        error(patch(alice, "{\"username\":\"abc\",\"username\":\"abd\"}"), 400, "invalid_request");
        error(F.http.sendRaw("PATCH", "/users/me/profile", alice, "text/plain", "{\"username\":\"abc\"}"), 415,
                "unsupported_media_type");
        error(F.http.sendRaw("PATCH", "/users/me/profile?x=1", alice, "application/json", "{\"username\":\"abc\"}"),
                400, "invalid_request");
    }

    @Test
    void getAnswers404ForAMalformedOrUnknownIdAnd401WithoutToken() throws Exception {
        Caller alice = F.user();
        error(F.http.get("/users/nope/profile", alice), 404, "not_found");
        error(F.http.get("/users/me/profile", alice), 404, "not_found");
        error(F.http.get("/users/01J000000000000000000000Z9/profile", alice), 404, "not_found");
        error(F.http.get("/users/" + alice.id().value() + "/profile"), 401, "invalid_credentials");
        error(patch(null, "{\"username\":\"abc\"}"), 401, "invalid_credentials");
    }

    @Test
    void profileUpdateLimiterIsPerClientIpAndRunsBeforeAuthentication() throws Exception {
        try (PeopleHttpFixture f = new PeopleHttpFixture(2)) {
            for (int i = 0; i < 2; i++) {
                error(f.http.send("PATCH", "/users/me/profile", null, "{}", "X-Forwarded-For", "198.51.100.7"),
                        401, "invalid_credentials");
            }
            HttpResponse<String> limited = f.http.send("PATCH", "/users/me/profile", null, "{}", "X-Forwarded-For",
                    "198.51.100.7");
            error(limited, 429, "rate_limited");
            assertThat(limited.headers().firstValue("RateLimit-Policy")).contains("\"profile_update\";q=2;w=60");
            error(f.http.send("PATCH", "/users/me/profile", null, "{}", "X-Forwarded-For", "198.51.100.8"), 401,
                    "invalid_credentials");
        }
    }
}
