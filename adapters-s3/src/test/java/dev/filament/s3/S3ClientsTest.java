package dev.filament.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code FILAMENT_S3_FORCE_PATH_STYLE} picks the addressing (SPEC 13), read from the built client offline. */
class S3ClientsTest {
    private static final String KEY = "attachments/01M00000000000000000000001";

    private static String urlOf(String endpoint, boolean pathStyle) {
        S3Settings settings = new S3Settings("filament-blobs", URI.create(endpoint), "eu-west-3", "id", "secret",
                pathStyle);
        try (S3Client client = S3Clients.create(settings, S3Bounds.defaults())) {
            return client.utilities().getUrl(b -> b.bucket("filament-blobs").key(KEY)).toString();
        }
    }

    @Test
    void pathStyleAddressesEndpointSlashBucketSlashKey() {
        assertThat(urlOf("http://minio.internal:9000", true))
                .isEqualTo("http://minio.internal:9000/filament-blobs/" + KEY);
    }

    @Test
    void virtualHostedAddressesBucketDotHostSlashKey() {
        assertThat(urlOf("https://s3.eu-west-3.amazonaws.com", false))
                .isEqualTo("https://filament-blobs.s3.eu-west-3.amazonaws.com/" + KEY);
        assertThat(urlOf("https://objects.example.org", false))
                .isEqualTo("https://filament-blobs.objects.example.org/" + KEY);
    }
}
