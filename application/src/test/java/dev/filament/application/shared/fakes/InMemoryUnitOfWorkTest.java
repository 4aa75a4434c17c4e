package dev.filament.application.shared.fakes;

import dev.filament.application.shared.port.out.UnitOfWorkContract;
import dev.filament.application.shared.port.out.UnitOfWork;
import java.util.HashSet;
import java.util.Set;

class InMemoryUnitOfWorkTest extends UnitOfWorkContract {
    private final Set<String> markers = new HashSet<>();
    private final InMemoryUnitOfWork uow = new InMemoryUnitOfWork().enlist(() -> {
        Set<String> before = Set.copyOf(markers);
        return () -> {
            markers.clear();
            markers.addAll(before);
        };
    });

    @Override
    protected UnitOfWork unitOfWork() {
        return uow;
    }

    @Override
    protected void writeMarker(String marker) {
        markers.add(marker);
    }

    @Override
    protected boolean markerExists(String marker) {
        return markers.contains(marker);
    }
}
