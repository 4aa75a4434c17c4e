package dev.filament.application.fakes;

import dev.filament.application.port.UnitOfWorkContract;
import dev.filament.application.port.out.UnitOfWork;

class InMemoryUnitOfWorkTest extends UnitOfWorkContract {
    private final InMemoryUnitOfWork uow = new InMemoryUnitOfWork();

    @Override
    protected UnitOfWork unitOfWork() {
        return uow;
    }
}
