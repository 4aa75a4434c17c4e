package dev.filament.domain.voice;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Value: what a caller asks for in {@code POST .../voice/token} (SPEC 11.1), defaults applied: {@code can_publish}
 * true, {@code can_subscribe} false, {@code publish_sources} [microphone]; sources deduplicated.
 */
public record VoiceGrantRequest(boolean canPublish, boolean canSubscribe, Set<StreamSource> publishSources) {
    public static final VoiceGrantRequest DEFAULT = of(null, null, null);

    public VoiceGrantRequest {
        Objects.requireNonNull(publishSources, "publishSources");
        publishSources = publishSources.isEmpty()
                ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(publishSources));
    }

    /** The request with defaults for every absent ({@code null}) field; duplicate sources collapse. */
    public static VoiceGrantRequest of(Boolean canPublish, Boolean canSubscribe, List<StreamSource> publishSources) {
        Set<StreamSource> sources = EnumSet.noneOf(StreamSource.class);
        if (publishSources == null) {
            sources.add(StreamSource.MICROPHONE);
        } else {
            for (StreamSource s : publishSources) {
                sources.add(Objects.requireNonNull(s, "publishSources element"));
            }
        }
        return new VoiceGrantRequest(canPublish == null || canPublish, canSubscribe != null && canSubscribe, sources);
    }
}
