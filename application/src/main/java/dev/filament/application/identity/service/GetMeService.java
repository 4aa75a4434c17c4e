package dev.filament.application.identity.service;

import dev.filament.application.identity.port.in.GetMeUseCase;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.identity.UserProfile;

/** Implements {@link GetMeUseCase}: the stored profile of the caller, read on every call. */
public final class GetMeService implements GetMeUseCase {
    private final UserRepository users;
    private final UnitOfWork unitOfWork;

    public GetMeService(UserRepository users, UnitOfWork unitOfWork) {
        this.users = users;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public UserProfile getMe(GetMeQuery query) {
        return unitOfWork.read(() -> users.findProfile(query.caller().userId())) // one statement: no BEGIN/COMMIT (#11)
                .orElseThrow(() -> new UnauthenticatedException("account no longer exists"));
    }
}
