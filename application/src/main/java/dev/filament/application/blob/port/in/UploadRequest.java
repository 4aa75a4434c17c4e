package dev.filament.application.blob.port.in;

import dev.filament.application.blob.port.out.BlobKey;
import java.util.Objects;

/**
 * One upload: the new object's key, the declared type (already parsed, step 1 of 8.7), the route's policy, and the
 * most bytes the caller's quota still allows ({@link Long#MAX_VALUE} when the route has no quota): the upload stops
 * with 409 {@code quota_exceeded} as soon as its running size exceeds it.
 */
public record UploadRequest(BlobKey key, DeclaredType declared, UploadPolicy policy, long quotaRemainingBytes) {
    public UploadRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(policy, "policy");
    }

    /** An upload without quota (avatar, banner). */
    public static UploadRequest of(BlobKey key, DeclaredType declared, UploadPolicy policy) {
        return new UploadRequest(key, declared, policy, Long.MAX_VALUE);
    }
}
