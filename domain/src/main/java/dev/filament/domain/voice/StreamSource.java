package dev.filament.domain.voice;

import dev.filament.domain.guild.permission.Permission;
import java.util.Optional;

/**
 * A media source a voice participant may publish (SPEC 11.1). Declaration order is the canonical wire order
 * (microphone, camera, screen_share); each source is allowed by one channel-level permission.
 */
public enum StreamSource {
    MICROPHONE("microphone", Permission.CREATE_MESSAGE),
    CAMERA("camera", Permission.PUBLISH_VIDEO),
    SCREEN_SHARE("screen_share", Permission.PUBLISH_SCREEN_SHARE);

    private final String wire;
    private final Permission allowedBy;

    StreamSource(String wire, Permission allowedBy) {
        this.wire = wire;
        this.allowedBy = allowedBy;
    }

    /** The wire name, e.g. {@code screen_share}. */
    public String wire() {
        return wire;
    }

    /** The channel-level permission that allows publishing this source. */
    public Permission allowedBy() {
        return allowedBy;
    }

    /** Camera and screen share are the costly sources behind the {@code voice_publish} limiter (SPEC 11.1 step 7). */
    public boolean isVisual() {
        return this != MICROPHONE;
    }

    /** The source with this exact wire name (case-sensitive), else empty. */
    public static Optional<StreamSource> fromWire(String name) {
        for (StreamSource s : values()) {
            if (s.wire.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
