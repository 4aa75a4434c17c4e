package dev.filament.application.identity.service;

import dev.filament.application.identity.port.in.GetProfileUseCase;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.identity.UserProfile;

/** Implements {@link GetProfileUseCase} with one read. */
public final class GetProfileService implements GetProfileUseCase {
    private final UserRepository users;
    private final UnitOfWork unitOfWork;

    public GetProfileService(UserRepository users, UnitOfWork unitOfWork) {
        this.users = users;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public UserProfile get(GetProfileQuery query) {
        return unitOfWork.read(() -> users.findProfile(query.user()))
                .orElseThrow(() -> new NotFoundException("user"));
    }
}
