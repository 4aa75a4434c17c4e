package dev.filament.http.routes;

import static dev.filament.http.testing.HttpFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.http.testing.HttpFixture;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /openapi.json serves docs/api/openapi.yaml as JSON; GET /docs shows it with the viewer the server ships. */
class ApiDocsRoutesTest {
    private static HttpFixture http;

    @BeforeAll
    static void start() {
        http = HttpFixture.builder().start();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void openApiJson_isTheRepositoryDocument_throughTheEdge() throws Exception {
        HttpResponse<String> r = http.send(http.request("/openapi.json").header("X-Request-Id", "doc-1").GET());
        JsonNode body = HttpFixture.json(r, 200);
        assertThat(body).isEqualTo(ApiDocsRoutes.document());
        assertThat(body.get("openapi").asText()).startsWith("3.1");
        assertThat(body.at("/paths/~1openapi.json/get")).isNotNull();
        assertThat(r.headers().firstValue("X-Request-Id")).hasValue("doc-1");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void docsPage_loadsTheViewerFromThisServer() throws Exception {
        HttpResponse<String> page = http.get("/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(page.body()).contains("docs/swagger-ui-bundle.js").contains("docs/swagger-ui.css")
                .contains("\"openapi.json\"").doesNotContain("://");
        for (String asset : new String[] {"swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
                "swagger-ui.css"}) {
            HttpResponse<String> r = http.get("/docs/" + asset);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.body()).as(asset).hasSizeGreaterThan(1000);
        }
    }

    @Test
    void anythingElseUnderDocs_isNotFound_andQueriesAreRefused() throws Exception {
        error(http.get("/docs/index.html"), 404, "not_found");
        error(http.get("/openapi.json?x=1"), 400, "invalid_request");
        error(http.send(http.request("/openapi.json").POST(java.net.http.HttpRequest.BodyPublishers.noBody())),
                405, "method_not_allowed");
    }
}
