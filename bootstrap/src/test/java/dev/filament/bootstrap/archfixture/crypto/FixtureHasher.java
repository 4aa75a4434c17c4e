package dev.filament.bootstrap.archfixture.crypto;

import dev.filament.bootstrap.archfixture.markdown.FixtureTokenizer;

/** Fixture: a crypto adapter that sees the Markdown adapter (violates adapter isolation). */
public final class FixtureHasher {
    public Object peer() {
        return FixtureTokenizer.class;
    }
}
