package dev.filament.domain.identity;

import java.util.Set;

/** The two profile images of SPEC 4.5, with their key prefix, byte cap (2.4) and the types they accept (8.7). */
public enum ProfileImageKind {
    AVATAR("avatars", 2_097_152L),
    BANNER("banners", 6_291_456L);

    /** The sniffed types an avatar or banner may have (SPEC 4.5 step 3; the V2 CHECK). */
    public static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "image/avif");

    private final String keyPrefix;
    private final long maxBytes;

    ProfileImageKind(String keyPrefix, long maxBytes) {
        this.keyPrefix = keyPrefix;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The wire and metric name: {@code avatar} or {@code banner}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code avatars/{user_id}/{upload_id}} or {@code banners/{user_id}/{upload_id}}: never reused. */
    public String objectKey(String userId, String uploadId) {
        return keyPrefix + "/" + userId + "/" + uploadId;
    }

    /** SPEC 4.5 step 4: version = max(old + 1, now_unix), so a new upload always changes the URL. */
    public static long nextVersion(long current, long nowUnix) {
        return Math.max(current + 1, nowUnix);
    }
}
