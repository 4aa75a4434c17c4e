package dev.filament.s3;

import dev.filament.domain.error.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Maps SDK failures to the port's outcomes: anything that is not an answer the port defines (missing object, range
 * beyond the end) is 503 {@code unavailable} with kind {@code blob_store}, logged without credentials or contents.
 */
final class S3Failures {
    static final String KIND = "blob_store";
    private static final int NOT_FOUND = 404;
    static final int RANGE_NOT_SATISFIABLE = 416;
    private static final Logger LOG = LoggerFactory.getLogger(S3Failures.class);

    private S3Failures() {
    }

    static boolean hasStatus(SdkException e, int status) {
        return e instanceof S3Exception s3 && s3.statusCode() == status;
    }

    /** 404 for the object; a missing bucket is a broken configuration (503), not a missing object. */
    static boolean objectMissing(SdkException e) {
        if (!hasStatus(e, NOT_FOUND) || e instanceof NoSuchBucketException) {
            return false;
        }
        AwsErrorDetails details = ((S3Exception) e).awsErrorDetails();
        return details == null || !"NoSuchBucket".equals(details.errorCode());
    }

    static UnavailableException unavailable(String operation, SdkException e) {
        LOG.atWarn().addKeyValue("event", "blob.s3.failed").addKeyValue("operation", operation)
                .addKeyValue("error", e.getClass().getSimpleName())
                .addKeyValue("status", e instanceof S3Exception s3 ? s3.statusCode() : 0)
                .log("S3 {} failed", operation);
        return UnavailableException.dependency(KIND);
    }
}
