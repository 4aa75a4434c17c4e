package dev.filament.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the synchronous SDK client of SPEC 17.7 (Apache HttpClient 5, which logs through SLF4J): SigV4 with the
 * configured region and static keys (never the SDK's default credential chain or profile files), path-style or
 * virtual-hosted addressing, connect 2 s, no progress 5 s, no retries (nothing is retried within a request),
 * certificates verified for {@code https} (the SDK default).
 * Checksums are computed only where the operation requires them, so S3-compatible stores without the newer
 * trailing-checksum support accept the PUT.
 */
final class S3Clients {
    /** Downloads hold a connection while they stream: room for many, acquisition bounded by the progress bound. */
    static final int MAX_CONNECTIONS = 256;

    private S3Clients() {
    }

    static S3Client create(S3Settings settings, S3Bounds bounds) {
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.forcePathStyle())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(bounds.connect())
                        .socketTimeout(bounds.progress())
                        .connectionAcquisitionTimeout(bounds.progress())
                        .maxConnections(MAX_CONNECTIONS))
                .build();
    }
}
