package dev.filament.bootstrap.config;

import dev.filament.s3.S3Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code FILAMENT_S3_*} variables of SPEC 13 (17.7): a bucket selects the S3-compatible blob store; without it the
 * endpoint and the keys must be unset too (a half-configured store stops startup). Keys are never echoed.
 */
final class S3Config {
    static final String BUCKET = "FILAMENT_S3_BUCKET";
    static final String ENDPOINT = "FILAMENT_S3_ENDPOINT";
    static final String REGION = "FILAMENT_S3_REGION";
    static final String ACCESS_KEY_ID = "FILAMENT_S3_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "FILAMENT_S3_SECRET_ACCESS_KEY";
    static final String FORCE_PATH_STYLE = "FILAMENT_S3_FORCE_PATH_STYLE";
    private static final Pattern BUCKET_NAME = Pattern.compile("^[a-z0-9.-]{3,63}$");
    private static final Pattern REGION_NAME = Pattern.compile("^[a-z0-9-]{1,64}$");
    private static final int MAX_ENDPOINT = 256;

    private S3Config() {
    }

    static Optional<S3Settings> load(Env env) {
        String region = env.string(REGION, S3Settings.DEFAULT_REGION);
        if (!REGION_NAME.matcher(region).matches()) {
            throw new ConfigException(REGION, "must be 1..64 chars of [a-z0-9-]");
        }
        boolean pathStyle = env.bool(FORCE_PATH_STYLE, true);
        Optional<URI> endpoint = env.string(ENDPOINT).map(S3Config::endpoint);
        Optional<String> bucket = env.string(BUCKET);
        if (bucket.isEmpty()) {
            for (String dependent : List.of(ENDPOINT, ACCESS_KEY_ID, SECRET_ACCESS_KEY)) {
                if (env.string(dependent).isPresent()) {
                    throw new ConfigException(dependent, "is set but " + BUCKET + " is not");
                }
            }
            return Optional.empty();
        }
        if (!BUCKET_NAME.matcher(bucket.get()).matches()) {
            throw new ConfigException(BUCKET, "must be 3..63 chars of [a-z0-9.-]");
        }
        String keyId = env.string(ACCESS_KEY_ID)
                .orElseThrow(() -> new ConfigException(ACCESS_KEY_ID, "is required when " + BUCKET + " is set"));
        String secret = env.string(SECRET_ACCESS_KEY)
                .orElseThrow(() -> new ConfigException(SECRET_ACCESS_KEY, "is required when " + BUCKET + " is set"));
        return Optional.of(new S3Settings(bucket.get(), endpoint.orElse(S3Settings.defaultEndpoint(region)), region,
                keyId, secret, pathStyle));
    }

    private static URI endpoint(String raw) {
        String problem = "must be an http:// or https:// URL without path, query or fragment (at most "
                + MAX_ENDPOINT + " chars)";
        if (raw.length() > MAX_ENDPOINT) {
            throw new ConfigException(ENDPOINT, problem);
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new ConfigException(ENDPOINT, problem);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!List.of("http", "https").contains(scheme) || uri.getHost() == null || !bare) {
            throw new ConfigException(ENDPOINT, problem);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }
}
