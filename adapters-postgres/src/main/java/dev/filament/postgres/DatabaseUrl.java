package dev.filament.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postgresql.Driver;

/**
 * A parsed {@code FILAMENT_DATABASE_URL} (SPEC 13): either libpq style {@code postgres://user:pass@host:port/db?...}
 * or {@code jdbc:postgresql://host:port/db?...}. Credentials are taken out of the URL (userinfo or the {@code user} /
 * {@code password} query parameters) so that the JDBC URL can be logged; other query parameters pass through to the
 * driver unchanged.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {
    static final String VARIABLE = "FILAMENT_DATABASE_URL";
    private static final String EXPECTED =
            "expected postgres://user:password@host:port/database or jdbc:postgresql://host:port/database";

    /** @throws IllegalArgumentException naming {@code FILAMENT_DATABASE_URL}; the message never echoes the URL */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("empty");
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            // the driver only accepts the lower-case prefix
            return fromJdbc("jdbc:postgresql:" + trimmed.substring("jdbc:postgresql:".length()));
        }
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return fromLibpq(trimmed);
        }
        throw invalid("unsupported scheme");
    }

    private static DatabaseUrl fromJdbc(String url) {
        int q = url.indexOf('?');
        Query query = Query.parse(q < 0 ? null : url.substring(q + 1));
        String jdbc = (q < 0 ? url : url.substring(0, q)) + query.rest();
        if (Driver.parseURL(jdbc, null) == null) {
            throw invalid("the PostgreSQL driver rejects it");
        }
        return new DatabaseUrl(jdbc, query.user(), query.password());
    }

    private static DatabaseUrl fromLibpq(String url) {
        URI uri;
        try {
            uri = new URI(url).parseServerAuthority();
        } catch (URISyntaxException e) {
            throw invalid("malformed (percent-encode special characters in user and password)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("missing host");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw invalid("missing or malformed database name");
        }
        String user = "";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        Query query = Query.parse(uri.getRawQuery());
        user = user.isEmpty() ? query.user() : user;
        password = password.isEmpty() ? query.password() : password;
        String hostPort = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String jdbc = "jdbc:postgresql://" + hostPort + path + query.rest();
        if (Driver.parseURL(jdbc, null) == null) {
            throw invalid("the PostgreSQL driver rejects it");
        }
        return new DatabaseUrl(jdbc, user, password);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
    }

    private static String decode(String s) {
        // userinfo is percent-encoded only; '+' is a literal plus, not a space
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException(VARIABLE + " is invalid: " + reason + "; " + EXPECTED);
    }

    /** A query string split into the credentials and everything else (kept raw, in order). */
    private record Query(String user, String password, String rest) {
        static Query parse(String raw) {
            String user = "";
            String password = "";
            List<String> rest = new ArrayList<>();
            if (raw != null && !raw.isEmpty()) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    String key = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    switch (key) {
                        case "user" -> user = value;
                        case "password" -> password = value;
                        case "" -> { }
                        default -> rest.add(pair);
                    }
                }
            }
            return new Query(user, password, rest.isEmpty() ? "" : "?" + String.join("&", rest));
        }
    }
}
