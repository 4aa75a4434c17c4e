package dev.filament.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.filament.http.routes.ApiDocsRoutes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The API document (docs/api/openapi.yaml) as a test oracle: which method+path templates it describes, and whether a
 * response (status, content type, body) matches what it documents for the operation a request hit. Response bodies
 * are checked with a JSON Schema 2020-12 validator (OpenAPI 3.1 schemas are JSON Schema). Thread-safe.
 */
public final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    private static final OpenApiContract INSTANCE = new OpenApiContract(ApiDocsRoutes.document());

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<JsonNode, Schema> schemas = new ConcurrentHashMap<>();

    /** One documented operation: upper-case method and path template ({@code {name}} parameters). */
    public record Operation(String method, String template) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    public OpenApiContract(JsonNode document) {
        this.document = document;
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                operations.add(new Operation(m.toUpperCase(Locale.ROOT), path.getKey()));
            }
        }));
    }

    /** The contract of the repository's document. */
    public static OpenApiContract load() {
        return INSTANCE;
    }

    public Set<Operation> operations() {
        return new LinkedHashSet<>(operations);
    }

    /**
     * The documented operation a concrete request path hits, if any. A literal segment beats a parameter, so
     * {@code /guilds/public} is not taken for {@code /guilds/{g}}.
     */
    public Optional<Operation> match(String method, String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Operation best = null;
        int bestLiterals = -1;
        for (Operation op : operations) {
            if (op.method().equals(method) && pattern(op.template()).matcher(bare).matches()) {
                int literals = literalSegments(op.template());
                if (literals > bestLiterals) {
                    best = op;
                    bestLiterals = literals;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Problems of a response to {@code op} against the document; empty when it conforms. An undocumented status
     * falls back to the operation's {@code default} response (the error model).
     */
    public List<String> check(Operation op, int status, String contentType, String body) {
        JsonNode operation = document.path("paths").path(op.template()).path(op.method().toLowerCase(Locale.ROOT));
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status))
                : responses.path("default");
        if (response.isMissingNode()) {
            return List.of(op + ": status " + status + " is not documented");
        }
        return checkResponse(op + " " + status, resolve(response), contentType, body);
    }

    /** Problems of an error response to an undocumented path: it must follow the error model. */
    public List<String> checkError(int status, String contentType, String body) {
        return checkResponse("unrouted " + status, resolve(document.at("/components/responses/Error")), contentType,
                body);
    }

    /** Problems of {@code body} against a named component schema (e.g. {@code MessageResponse}). */
    public List<String> checkSchema(String component, String body) {
        return validate("schema " + component, ref("#/components/schemas/" + component), body);
    }

    private List<String> checkResponse(String what, JsonNode response, String contentType, String body) {
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return body == null || body.isEmpty() ? List.of() : List.of(what + ": documented without a body, got "
                    + body);
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode()) {
            List<String> documented = new ArrayList<>();
            content.fieldNames().forEachRemaining(documented::add);
            return List.of(what + ": content type " + contentType + " is not one of " + documented);
        }
        if (!mediaType.equals("application/json")) {
            return List.of();
        }
        return validate(what, media.path("schema"), body);
    }

    private List<String> validate(String what, JsonNode schemaNode, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body == null ? "" : body);
        } catch (Exception e) {
            return List.of(what + ": body is not JSON: " + body);
        }
        if (instance == null || instance.isMissingNode()) {
            return List.of(what + ": empty body where JSON is documented");
        }
        Schema schema = schemas.computeIfAbsent(schemaNode, this::compile);
        return schema.validate(instance).stream().map(e -> what + ": " + e.getMessage() + " in " + body).toList();
    }

    /** The schema with the document's components beside it, so {@code #/components/schemas/...} refs resolve. */
    private Schema compile(JsonNode schemaNode) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.path("components"));
        root.set("allOf", JSON.createArrayNode().add(schemaNode));
        return registry.getSchema(root);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static JsonNode ref(String pointer) {
        return JSON.createObjectNode().put("$ref", pointer);
    }

    private static Pattern pattern(String template) {
        StringBuilder re = new StringBuilder("^");
        for (String part : template.substring(1).split("/", -1)) {
            re.append('/').append(isParameter(part) ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(re.append('$').toString());
    }

    private static int literalSegments(String template) {
        int n = 0;
        for (String part : template.substring(1).split("/", -1)) {
            n += isParameter(part) ? 0 : 1;
        }
        return n;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** Normalises a router path template to the document's syntax ({@code :name} and {@code <name>} to {@code {name}}). */
    public static String normalise(String template) {
        StringBuilder out = new StringBuilder();
        for (Iterator<String> it = List.of(template.substring(1).split("/", -1)).iterator(); it.hasNext(); ) {
            String part = it.next();
            if (part.startsWith(":")) {
                part = "{" + part.substring(1) + "}";
            } else if (part.startsWith("<") && part.endsWith(">")) {
                part = "{" + part.substring(1, part.length() - 1) + "}";
            }
            out.append('/').append(part);
        }
        return out.toString();
    }
}
