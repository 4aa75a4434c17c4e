package dev.filament.bootstrap.wiring;

import com.github.f4b6a3.ulid.UlidFactory;
import dev.filament.domain.id.IdGenerator;

/** ULIDs from ulid-creator's monotonic factory: strictly increasing within this process, upper case (SPEC 1.2). */
public final class MonotonicUlidGenerator implements IdGenerator {
    private final UlidFactory factory = UlidFactory.newMonotonicInstance();

    @Override
    public String next() {
        synchronized (factory) {
            return factory.create().toString();
        }
    }
}
