package dev.filament.application.blob.service;

import dev.filament.application.blob.port.in.UploadBodyFailure;
import dev.filament.application.blob.port.in.UploadRejectedException;
import dev.filament.application.blob.port.out.UploadOutcome;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.RequestTimeoutException;

/** Maps why an upload failed to its SPEC 14.2 outcome. */
final class UploadRefusals {
    private UploadRefusals() {
    }

    /** @param streamRefusal what the upload stream refused at the end of the body (empty, mismatch), if anything */
    static UploadOutcome classify(RuntimeException failure, UploadOutcome streamRefusal) {
        return switch (failure) {
            case UploadRejectedException r -> r.kind() == UploadRejectedException.Kind.TOO_LARGE
                    ? UploadOutcome.TOO_LARGE : UploadOutcome.TYPE_REFUSED;
            case ConflictException c -> UploadOutcome.QUOTA;
            case InvalidRequestException i -> streamRefusal != null ? streamRefusal : UploadOutcome.INVALID;
            case UploadBodyFailure b -> b.timedOut() ? UploadOutcome.TIMEOUT : UploadOutcome.ABORTED;
            case RequestTimeoutException t -> UploadOutcome.TIMEOUT;
            default -> UploadOutcome.ERROR;
        };
    }
}
