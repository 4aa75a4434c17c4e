package dev.filament.domain.identity;

import java.util.Locale;
import java.util.Set;

/** The two profile images of SPEC 4.5 (their caps and keys live with the upload pipeline's policies, 8.7). */
public enum ProfileImageKind {
    AVATAR,
    BANNER;

    /** The sniffed types an avatar or banner may have (SPEC 4.5 step 3; the V2 CHECK). */
    public static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "image/avif");

    /** The wire and metric name: {@code avatar} or {@code banner}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SPEC 4.5 step 4: version = max(old + 1, now_unix), so a new upload always changes the URL. */
    public static long nextVersion(long current, long nowUnix) {
        return Math.max(current + 1, nowUnix);
    }
}
