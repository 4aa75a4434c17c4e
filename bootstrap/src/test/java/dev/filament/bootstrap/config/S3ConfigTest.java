package dev.filament.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.s3.S3Settings;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 13 {@code FILAMENT_S3_*}: the bucket selects S3, its companions are validated, half a store stops startup. */
class S3ConfigTest {
    private static final Map<String, String> MINIMAL = Map.of("FILAMENT_S3_BUCKET", "filament-blobs",
            "FILAMENT_S3_ACCESS_KEY_ID", "AKIDEXAMPLE", "FILAMENT_S3_SECRET_ACCESS_KEY", "wJalrXUtnFEMI");

    private static ServerConfig load(Map<String, String> base, String... overrides) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return ConfigLoader.load(env, false);
    }

    @Test
    void withoutABucketTheLocalStoreIsSelected() {
        assertThat(load(Map.of()).s3()).isEmpty();
        assertThat(load(Map.of(), "FILAMENT_S3_BUCKET", " ", "FILAMENT_S3_ENDPOINT", "",
                "FILAMENT_S3_REGION", "eu-west-3", "FILAMENT_S3_FORCE_PATH_STYLE", "false").s3()).isEmpty();
    }

    @Test
    void aBucketAndItsKeysSelectS3WithTheDefaults() {
        S3Settings s3 = load(MINIMAL).s3().orElseThrow();
        assertThat(s3.bucket()).isEqualTo("filament-blobs");
        assertThat(s3.region()).isEqualTo("us-east-1");
        assertThat(s3.endpoint()).isEqualTo(URI.create("https://s3.us-east-1.amazonaws.com"));
        assertThat(s3.forcePathStyle()).isTrue();
        assertThat(s3.toString()).doesNotContain("AKIDEXAMPLE").doesNotContain("wJalrXUtnFEMI");
        assertThat(load(MINIMAL).toString()).contains("blobStore=s3").doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void theRegionNamesTheDefaultEndpointAndAnEndpointOverridesIt() {
        assertThat(load(MINIMAL, "FILAMENT_S3_REGION", "eu-west-3").s3().orElseThrow().endpoint())
                .isEqualTo(URI.create("https://s3.eu-west-3.amazonaws.com"));
        S3Settings minio = load(MINIMAL, "FILAMENT_S3_ENDPOINT", "http://minio:9000/",
                "FILAMENT_S3_FORCE_PATH_STYLE", "0").s3().orElseThrow();
        assertThat(minio.endpoint()).isEqualTo(URI.create("http://minio:9000"));
        assertThat(minio.forcePathStyle()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FILAMENT_S3_BUCKET|ab",
            "FILAMENT_S3_BUCKET|Upper-Case",
            "FILAMENT_S3_BUCKET|under_score",
            "FILAMENT_S3_ENDPOINT|ftp://s3.example.org",
            "FILAMENT_S3_ENDPOINT|https://s3.example.org/path",
            "FILAMENT_S3_ENDPOINT|https://s3.example.org?x=1",
            "FILAMENT_S3_ENDPOINT|https://s3.example.org#f",
            "FILAMENT_S3_ENDPOINT|https://user:pw@s3.example.org",
            "FILAMENT_S3_ENDPOINT|s3.example.org",
            "FILAMENT_S3_REGION|EU-WEST-1",
            "FILAMENT_S3_REGION|eu_west_1",
            "FILAMENT_S3_FORCE_PATH_STYLE|yes"})
    void invalidValuesStopStartupNamingTheVariable(String variable, String value) {
        assertThatThrownBy(() -> load(MINIMAL, variable, value)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.variable()).isEqualTo(variable));
    }

    @Test
    void anOverlongEndpointAndAnOverlongBucketAreRefused() {
        assertThatThrownBy(() -> load(MINIMAL, "FILAMENT_S3_ENDPOINT", "https://" + "a".repeat(250) + ".org"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.variable()).isEqualTo("FILAMENT_S3_ENDPOINT"));
        assertThatThrownBy(() -> load(MINIMAL, "FILAMENT_S3_BUCKET", "b".repeat(64)))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.variable()).isEqualTo("FILAMENT_S3_BUCKET"));
    }

    @ParameterizedTest
    @CsvSource({"FILAMENT_S3_ACCESS_KEY_ID", "FILAMENT_S3_SECRET_ACCESS_KEY"})
    void aBucketWithoutBothKeysStopsStartup(String missing) {
        Map<String, String> env = new HashMap<>(MINIMAL);
        env.remove(missing);
        assertThatThrownBy(() -> load(env)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.variable()).isEqualTo(missing));
    }

    @ParameterizedTest
    @CsvSource({"FILAMENT_S3_ENDPOINT,http://127.0.0.1:9000", "FILAMENT_S3_ACCESS_KEY_ID,AKID",
            "FILAMENT_S3_SECRET_ACCESS_KEY,secret"})
    void aCompanionWithoutTheBucketStopsStartup(String variable, String value) {
        assertThatThrownBy(() -> load(Map.of(), variable, value)).isInstanceOfSatisfying(ConfigException.class,
                e -> {
                    assertThat(e.variable()).isEqualTo(variable);
                    assertThat(e.getMessage()).doesNotContain(value);
                });
    }
}
