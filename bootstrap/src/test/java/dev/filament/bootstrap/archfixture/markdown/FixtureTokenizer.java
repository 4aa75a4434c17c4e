package dev.filament.bootstrap.archfixture.markdown;

import dev.filament.bootstrap.archfixture.livekit.FixtureLiveKit;

/** Fixture: a Markdown adapter that sees the LiveKit adapter (violates adapter isolation). */
public final class FixtureTokenizer {
    public Object peer() {
        return FixtureLiveKit.class;
    }
}
