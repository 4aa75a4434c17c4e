package dev.filament.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.filament.domain.error.NotFoundException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The API document's routes: {@code GET /openapi.json} (docs/api/openapi.yaml as JSON) and {@code GET /docs}, a
 * browser page showing it with Swagger UI, whose files come from the webjar on the classpath (no CDN). No token.
 */
public final class ApiDocsRoutes implements RouteModule {
    /** Where the build copies {@code docs/api/openapi.yaml} on the classpath. */
    public static final String DOCUMENT_RESOURCE = "dev/filament/http/openapi/openapi.yaml";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** The viewer's files the page loads, with their content types; anything else under /docs/ is 404. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "application/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "application/javascript; charset=utf-8");

    private final byte[] documentJson;
    private final String webjarRoot;

    public ApiDocsRoutes(ObjectMapper json) {
        try {
            this.documentJson = json.writeValueAsBytes(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.webjarRoot = WEBJAR + webjarVersion() + "/";
    }

    /** The API document as a tree (read from the classpath copy of docs/api/openapi.yaml). */
    public static JsonNode document() {
        try (InputStream in = resource(DOCUMENT_RESOURCE)) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void register(Router router) {
        router.get("/openapi.json", ctx -> {
            QueryParams.of(ctx);
            ctx.contentType("application/json").result(documentJson);
        });
        router.get("/docs", ctx -> {
            QueryParams.of(ctx);
            ctx.contentType("text/html; charset=utf-8").result(PAGE);
        });
        router.get("/docs/{asset}", this::asset);
    }

    private void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("asset");
        String type = ASSETS.get(name);
        if (type == null) {
            throw new NotFoundException("asset");
        }
        QueryParams.of(ctx);
        try (InputStream in = resource(webjarRoot + name)) {
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    private static String webjarVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource(WEBJAR_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static InputStream resource(String name) {
        InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + name);
        }
        return in;
    }

    // Relative URLs, so the page also works behind the proxy's /api prefix.
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Filament API</title>
              <link rel="stylesheet" href="docs/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="docs/swagger-ui-bundle.js"></script>
              <script src="docs/swagger-ui-standalone-preset.js"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: "openapi.json",
                  dom_id: "#swagger-ui",
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  layout: "StandaloneLayout"
                });
              </script>
            </body>
            </html>
            """.strip();
}
