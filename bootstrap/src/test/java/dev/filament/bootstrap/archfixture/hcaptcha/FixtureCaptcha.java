package dev.filament.bootstrap.archfixture.hcaptcha;

import dev.filament.bootstrap.archfixture.livekit.FixtureLiveKit;

/** Fixture: an hCaptcha adapter that sees the LiveKit adapter (violates adapter isolation). */
public final class FixtureCaptcha {
    public Object peer() {
        return FixtureLiveKit.class;
    }
}
