package dev.filament.realtime.voice;

import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.domain.id.UserId;
import dev.filament.realtime.LastConnectionListener;
import java.time.Clock;

/** Voice removal when a user's last gateway connection closed (SPEC 9.7.8, 11.5); never blocks. */
public final class VoiceLastConnectionListener implements LastConnectionListener {
    private final VoiceRegistry registry;
    private final Clock clock;

    public VoiceLastConnectionListener(VoiceRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void lastConnectionClosed(UserId user) {
        registry.removeUserEverywhere(user, clock.instant());
    }
}
