package dev.filament.http.people;

import static dev.filament.http.testing.HttpFixture.accepted;
import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static dev.filament.http.testing.HttpFixture.noContent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** SPEC 4.6 friend routes over HTTP: every route's shapes (validated against the API document) and answers. */
class FriendRoutesHttpTest {
    private static final PeopleHttpFixture F = new PeopleHttpFixture(1_000);

    @AfterAll
    static void close() {
        F.close();
    }

    private static HttpResponse<String> request(Caller from, String to) throws Exception {
        return F.http.post("/friends/requests", from, "{\"recipient_user_id\":\"" + to + "\"}");
    }

    @Test
    void requestAcceptListAndRemoveRoundTrip() throws Exception {
        Caller alice = F.user();
        Caller bob = F.user();
        JsonNode created = json(request(alice, bob.id().value().toLowerCase()), 200);
        assertThat(created.get("sender_user_id").asText()).isEqualTo(alice.id().value());
        assertThat(created.get("recipient_user_id").asText()).isEqualTo(bob.id().value());
        String id = created.get("request_id").asText();

        JsonNode bobs = json(F.http.get("/friends/requests", bob), 200);
        assertThat(bobs.get("incoming").get(0).get("sender_username").asText()).isEqualTo(alice.name().value());
        assertThat(bobs.get("incoming").get(0).get("recipient_username").asText()).isEqualTo(bob.name().value());
        assertThat(bobs.get("outgoing").size()).isZero();
        assertThat(json(F.http.get("/friends/requests", alice), 200).get("outgoing").size()).isEqualTo(1);

        error(F.http.post("/friends/requests/" + id + "/accept", alice, null), 404, "not_found");
        accepted(F.http.post("/friends/requests/" + id + "/accept", bob, null));
        error(F.http.post("/friends/requests/" + id + "/accept", bob, null), 404, "not_found");

        JsonNode friends = json(F.http.get("/friends", alice), 200);
        assertThat(friends.get("friends").get(0).get("user_id").asText()).isEqualTo(bob.id().value());
        assertThat(friends.get("friends").get(0).get("username").asText()).isEqualTo(bob.name().value());
        error(request(bob, alice.id().value()), 400, "invalid_request");

        noContent(F.http.send("DELETE", "/friends/" + alice.id().value(), bob, null));
        noContent(F.http.send("DELETE", "/friends/" + alice.id().value(), bob, null));
        assertThat(json(F.http.get("/friends", alice), 200).get("friends").size()).isZero();
        assertThat(F.gateway.events("friend_remove")).hasSize(2);
    }

    @Test
    void deleteDeclinesOrCancelsAndOthersGet404() throws Exception {
        Caller alice = F.user();
        Caller bob = F.user();
        String id = json(request(alice, bob.id().value()), 200).get("request_id").asText();
        error(F.http.send("DELETE", "/friends/requests/" + id, F.user(), null), 404, "not_found");
        noContent(F.http.send("DELETE", "/friends/requests/" + id, alice, null));
        error(F.http.send("DELETE", "/friends/requests/" + id, bob, null), 404, "not_found");
        error(F.http.send("DELETE", "/friends/requests/nope", bob, null), 404, "not_found");
        error(F.http.post("/friends/requests/nope/accept", bob, null), 404, "not_found");
    }

    @Test
    void badRequestsAnswer400415422() throws Exception {
        Caller alice = F.user();
        error(request(alice, "nope"), 400, "invalid_request");
        error(request(alice, alice.id().value()), 400, "invalid_request");
        error(request(alice, "01J000000000000000000000Z9"), 400, "invalid_request");
        error(F.http.post("/friends/requests", alice, "{}"), 422, "invalid_request");
        error(F.http.post("/friends/requests", alice, "{\"recipient_user_id\":1}"), 422, "invalid_request");
        error(F.http.sendRaw("POST", "/friends/requests", alice, "text/plain", "{}"), 415, "unsupported_media_type");
        error(F.http.send("DELETE", "/friends/" + alice.id().value(), alice, null), 400, "invalid_request");
        error(F.http.send("DELETE", "/friends/nope", alice, null), 404, "not_found");
        error(F.http.get("/friends?limit=1", alice), 400, "invalid_request");
        error(F.http.get("/friends"), 401, "invalid_credentials");
        error(F.http.get("/friends/requests"), 401, "invalid_credentials");
    }

    @Test
    void friendRequestLimiterAllowsThirtyPerMinutePerUser() throws Exception {
        Caller alice = F.user();
        for (int i = 0; i < 30; i++) {
            error(request(alice, "nope"), 400, "invalid_request");
        }
        HttpResponse<String> limited = request(alice, F.user().id().value());
        error(limited, 429, "rate_limited");
        assertThat(limited.headers().firstValue("RateLimit-Policy")).contains("\"friend_request\";q=30;w=60");
        json(request(F.user(), F.user().id().value()), 200);
    }
}
