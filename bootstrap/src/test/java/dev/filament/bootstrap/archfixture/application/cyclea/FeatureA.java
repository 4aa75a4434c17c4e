package dev.filament.bootstrap.archfixture.application.cyclea;

import dev.filament.bootstrap.archfixture.application.cycleb.FeatureB;

/** Fixture: a feature slice that calls another slice which calls it back (a cycle the slice rule must report). */
public final class FeatureA {
    public int callB(FeatureB b) {
        return b.value() + 1;
    }

    public int value() {
        return 1;
    }
}
