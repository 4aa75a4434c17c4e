package dev.filament.application.identity.port.out;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.identity.fakes.InMemorySessionRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.shared.port.out.UnitOfWork;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final UnitOfWork unitOfWork = new InMemoryUnitOfWork();

    @Override
    protected SessionRepository createRepository() {
        return new InMemorySessionRepository(users);
    }

    @Override
    protected UserRepository userRepository() {
        return users;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
