package dev.filament.bootstrap.archfixture.application.cycleb;

import dev.filament.bootstrap.archfixture.application.cyclea.FeatureA;

/** Fixture: the other half of the cycle of {@link FeatureA}. */
public final class FeatureB {
    public int callA(FeatureA a) {
        return a.value() + 2;
    }

    public int value() {
        return 2;
    }
}
