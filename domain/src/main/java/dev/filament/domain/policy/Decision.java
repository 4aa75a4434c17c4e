package dev.filament.domain.policy;

import dev.filament.domain.error.FilamentException;
import java.util.function.Supplier;

/** Outcome of a named policy: allowed, or denied with the error the caller should raise. */
public sealed interface Decision permits Decision.Allowed, Decision.Denied {

    Decision ALLOW = new Allowed();

    static Decision allow() {
        return ALLOW;
    }

    static Decision deny(Supplier<? extends FilamentException> error) {
        return new Denied(error);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    /** Throws the denial's error; does nothing when allowed. */
    default void orThrow() {
        if (this instanceof Denied denied) {
            throw denied.error().get();
        }
    }

    /** The first denial among the decisions, evaluated lazily in order; allowed when none denies. */
    @SafeVarargs
    static Decision firstDenial(Supplier<Decision>... checks) {
        for (Supplier<Decision> check : checks) {
            Decision d = check.get();
            if (!d.isAllowed()) {
                return d;
            }
        }
        return ALLOW;
    }

    record Allowed() implements Decision {
    }

    record Denied(Supplier<? extends FilamentException> error) implements Decision {
    }
}
