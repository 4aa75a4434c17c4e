package dev.filament.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * S3Mock (Adobe, Spring Boot) started once per test JVM on a random loopback HTTP port, with the test bucket; it is
 * stopped by a shutdown hook. Startup costs a few seconds, so every test class shares it.
 */
final class InProcessS3 {
    static final String BUCKET = "filament-test";
    private static URI endpoint;

    private InProcessS3() {
    }

    static synchronized URI endpoint() {
        if (endpoint == null) {
            Path root;
            try {
                root = Files.createTempDirectory("s3mock");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // start() adds to the map: a mutable copy
            S3MockApplication s3 = S3MockApplication.start(new HashMap<>(Map.of(
                    S3MockApplication.PROP_INITIAL_BUCKETS, BUCKET,
                    S3MockApplication.PROP_ROOT_DIRECTORY, root.toString(),
                    S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_SILENT, true,
                    "spring.main.banner-mode", "off",
                    "server.address", "127.0.0.1")));
            Runtime.getRuntime().addShutdownHook(new Thread(s3::stop, "s3mock-stop"));
            endpoint = URI.create("http://127.0.0.1:" + s3.getHttpPort());
        }
        return endpoint;
    }

    static S3Settings settings(String bucket) {
        return new S3Settings(bucket, endpoint(), "us-east-1", "test-access-key", "test-secret-key", true);
    }
}
