package dev.filament.s3;

import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom the S3-compatible store is reached (SPEC 13 {@code FILAMENT_S3_*}, 17.7). Validated by the
 * configuration loader; the secret is never printed.
 *
 * @param endpoint       {@code http(s)://host[:port]} without path ({@link #defaultEndpoint} for AWS)
 * @param region         the SigV4 signing region
 * @param forcePathStyle true: {@code {endpoint}/{bucket}/{key}}; false: {@code {bucket}.{endpoint host}/{key}}
 */
public record S3Settings(String bucket, URI endpoint, String region, String accessKeyId, String secretAccessKey,
                         boolean forcePathStyle) {
    public static final String DEFAULT_REGION = "us-east-1";

    public S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** {@code https://s3.{region}.amazonaws.com}. */
    public static URI defaultEndpoint(String region) {
        return URI.create("https://s3." + region + ".amazonaws.com");
    }

    @Override
    public String toString() {
        return "S3Settings[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region
                + ", forcePathStyle=" + forcePathStyle + ", credentials=<redacted>]";
    }
}
