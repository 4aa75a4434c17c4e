package dev.filament.application.blob.port.in;

import dev.filament.application.blob.port.out.SniffedType;
import java.util.Objects;
import java.util.Set;

/** A route's upload rules (SPEC 2.4, 8.7): its kind, the byte cap and the sniffed types it accepts. */
public record UploadPolicy(UploadKind kind, long capBytes, Set<SniffedType> allowlist) {
    public static final UploadPolicy AVATAR = new UploadPolicy(UploadKind.AVATAR, 2_097_152, SniffedType.IMAGES);
    public static final UploadPolicy BANNER = new UploadPolicy(UploadKind.BANNER, 6_291_456, SniffedType.IMAGES);
    public static final UploadPolicy ATTACHMENT = new UploadPolicy(UploadKind.ATTACHMENT, 26_214_400,
            SniffedType.ALL);

    /** A policy of kind {@code attachment} (tests and drills). */
    public UploadPolicy(long capBytes, Set<SniffedType> allowlist) {
        this(UploadKind.ATTACHMENT, capBytes, allowlist);
    }

    public UploadPolicy {
        Objects.requireNonNull(kind, "kind");
        allowlist = Set.copyOf(Objects.requireNonNull(allowlist, "allowlist"));
        if (capBytes < 1 || allowlist.isEmpty()) {
            throw new IllegalArgumentException("cap must be >= 1 and the allowlist non-empty");
        }
    }
}
