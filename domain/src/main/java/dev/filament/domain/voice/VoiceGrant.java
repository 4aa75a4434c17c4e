package dev.filament.domain.voice;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Value: what a voice token grants (SPEC 11.1 steps 6-8): the effective sources in canonical order (microphone,
 * camera, screen_share) and whether the holder may subscribe. Publishing means "at least one source".
 */
public record VoiceGrant(List<StreamSource> sources, boolean canSubscribe) {

    public VoiceGrant {
        Objects.requireNonNull(sources, "sources");
        // EnumSet iterates in declaration order: this both deduplicates and sorts canonically
        sources = sources.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(sources));
    }

    public static VoiceGrant of(boolean canSubscribe, StreamSource... sources) {
        return new VoiceGrant(List.of(sources), canSubscribe);
    }

    /** {@code canPublish} of the claims and the response: at least one effective source. */
    public boolean canPublish() {
        return !sources.isEmpty();
    }

    public boolean includes(StreamSource source) {
        return sources.contains(source);
    }

    /** Neither a source nor subscribe: the token would allow nothing (400, SPEC 11.1 step 9). */
    public boolean isEmpty() {
        return sources.isEmpty() && !canSubscribe;
    }

    /** Wire names of the sources, in canonical order. */
    public List<String> sourceWireNames() {
        return sources.stream().map(StreamSource::wire).toList();
    }
}
