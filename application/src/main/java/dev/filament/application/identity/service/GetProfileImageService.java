package dev.filament.application.identity.service;

import dev.filament.application.identity.port.in.GetProfileImageUseCase;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.identity.StoredImage;

/** Implements {@link GetProfileImageUseCase} with one read. */
public final class GetProfileImageService implements GetProfileImageUseCase {
    private final UserRepository users;
    private final UnitOfWork unitOfWork;

    public GetProfileImageService(UserRepository users, UnitOfWork unitOfWork) {
        this.users = users;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public StoredImage get(GetProfileImageQuery query) {
        return unitOfWork.inTransaction(() -> users.findImage(query.user(), query.kind()))
                .orElseThrow(() -> new NotFoundException(query.kind().wire()));
    }
}
