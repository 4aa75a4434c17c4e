package dev.filament.application.identity.port.out;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.shared.port.out.UnitOfWork;

class InMemoryUserRepositoryTest extends UserRepositoryContract {
    private final UnitOfWork unitOfWork = new InMemoryUnitOfWork();

    @Override
    protected UserRepository createRepository() {
        return new InMemoryUserRepository();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
