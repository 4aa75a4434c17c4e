package dev.filament.http.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.http.testing.OpenApiContract.Operation;
import org.junit.jupiter.api.Test;

/** The response validation can fail: wrong shapes, statuses and content types are reported. */
class OpenApiContractTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final String ID = "01HZX3K5Q8R9T0V1W2X3Y4Z5A6";
    private static final Operation CREATE_GUILD = new Operation("POST", "/guilds");

    @Test
    void aConformingGuildPasses() {
        assertThat(CONTRACT.check(CREATE_GUILD, 200, "application/json",
                "{\"guild_id\":\"" + ID + "\",\"name\":\"x\",\"visibility\":\"private\"}")).isEmpty();
    }

    @Test
    void aMissingField_anExtraField_aWrongType_andAnUnknownEnumValueFail() {
        assertThat(CONTRACT.check(CREATE_GUILD, 200, "application/json",
                "{\"guild_id\":\"" + ID + "\",\"name\":\"x\"}")).isNotEmpty();
        assertThat(CONTRACT.check(CREATE_GUILD, 200, "application/json",
                "{\"guild_id\":\"" + ID + "\",\"name\":\"x\",\"visibility\":\"private\",\"guildId\":\"x\"}"))
                .isNotEmpty();
        assertThat(CONTRACT.check(CREATE_GUILD, 200, "application/json",
                "{\"guild_id\":\"" + ID + "\",\"name\":7,\"visibility\":\"private\"}")).isNotEmpty();
        assertThat(CONTRACT.check(CREATE_GUILD, 200, "application/json",
                "{\"guild_id\":\"" + ID + "\",\"name\":\"x\",\"visibility\":\"secret\"}")).isNotEmpty();
        assertThat(CONTRACT.check(CREATE_GUILD, 200, "application/json",
                "{\"guild_id\":\"not-a-ulid\",\"name\":\"x\",\"visibility\":\"private\"}")).isNotEmpty();
    }

    @Test
    void nestedSchemasAreChecked_aMessageWithACamelCaseFieldFails() {
        Operation list = new Operation("GET", "/guilds/{g}/channels/{c}/messages");
        String message = "{\"message_id\":\"" + ID + "\",\"guild_id\":\"" + ID + "\",\"channel_id\":\"" + ID
                + "\",\"author_id\":\"" + ID + "\",\"content\":\"hi\",\"markdown_tokens\":[{\"type\":\"text\","
                + "\"text\":\"hi\"}],\"attachments\":[],\"reactions\":[],\"created_at_unix\":1,\"edited_at_unix\":null}";
        assertThat(CONTRACT.check(list, 200, "application/json", "{\"messages\":[" + message
                + "],\"next_before\":null}")).isEmpty();
        assertThat(CONTRACT.check(list, 200, "application/json", "{\"messages\":[" + message.replace(
                "created_at_unix", "createdAtUnix") + "],\"next_before\":null}")).isNotEmpty();
        assertThat(CONTRACT.check(list, 200, "application/json", "{\"messages\":[" + message.replace(
                "\"type\":\"text\"", "\"type\":\"blink\"") + "],\"next_before\":null}")).isNotEmpty();
    }

    @Test
    void errorsFollowTheErrorModel_evenForAnUndocumentedStatus() {
        assertThat(CONTRACT.check(CREATE_GUILD, 418, "application/json",
                "{\"error\":\"not_found\",\"request_id\":\"r\"}")).isEmpty();
        assertThat(CONTRACT.check(CREATE_GUILD, 403, "application/json",
                "{\"error\":\"forbidden\",\"request_id\":\"r\",\"detail\":\"x\"}")).isNotEmpty();
        assertThat(CONTRACT.check(CREATE_GUILD, 403, "application/json",
                "{\"error\":\"nope\",\"request_id\":\"r\"}")).isNotEmpty();
        assertThat(CONTRACT.checkError(404, "application/json", "{\"error\":\"not_found\"}")).isNotEmpty();
    }

    @Test
    void aWrongContentType_oraBodyWhereNoneIsDocumented_fails() {
        assertThat(CONTRACT.check(CREATE_GUILD, 200, "text/plain", "{}")).isNotEmpty();
        Operation delete = new Operation("DELETE", "/guilds/{g}/channels/{c}/messages/{m}");
        assertThat(CONTRACT.check(delete, 204, null, "")).isEmpty();
        assertThat(CONTRACT.check(delete, 204, "application/json", "{}")).isNotEmpty();
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        assertThat(CONTRACT.match("GET", "/guilds/public?limit=2")).contains(new Operation("GET", "/guilds/public"));
        assertThat(CONTRACT.match("PATCH", "/guilds/" + ID)).contains(new Operation("PATCH", "/guilds/{g}"));
        assertThat(CONTRACT.match("GET", "/nowhere")).isEmpty();
    }

    /** End to end: a route that answers a shape the document does not describe fails the test that called it. */
    @Test
    void theFixtureFailsTheRequestThatGotAWrongShapedResponse() {
        try (HttpFixture http = HttpFixture.builder().routes(r -> r.get("/guilds", ctx -> ctx.json(
                java.util.Map.of("guildz", java.util.List.of())))).start()) {
            assertThatThrownBy(() -> http.get("/guilds")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("GET /guilds").hasMessageContaining("docs/api/openapi.yaml");
            assertThat(http.exchanges()).singleElement().satisfies(e -> {
                assertThat(e.template()).isEqualTo("/guilds");
                assertThat(e.status()).isEqualTo(200);
            });
        }
    }
}
