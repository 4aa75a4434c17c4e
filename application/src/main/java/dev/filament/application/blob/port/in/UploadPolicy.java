package dev.filament.application.blob.port.in;

import dev.filament.application.blob.port.out.SniffedType;
import java.util.Objects;
import java.util.Set;

/** A route's upload rules (SPEC 2.4, 8.7): the byte cap and the sniffed types it accepts. */
public record UploadPolicy(long capBytes, Set<SniffedType> allowlist) {
    public static final UploadPolicy AVATAR = new UploadPolicy(2_097_152, SniffedType.IMAGES);
    public static final UploadPolicy BANNER = new UploadPolicy(6_291_456, SniffedType.IMAGES);
    public static final UploadPolicy ATTACHMENT = new UploadPolicy(26_214_400, SniffedType.ALL);

    public UploadPolicy {
        allowlist = Set.copyOf(Objects.requireNonNull(allowlist, "allowlist"));
        if (capBytes < 1 || allowlist.isEmpty()) {
            throw new IllegalArgumentException("cap must be >= 1 and the allowlist non-empty");
        }
    }
}
