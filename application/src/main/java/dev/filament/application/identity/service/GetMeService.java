package dev.filament.application.identity.service;

import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.identity.port.in.GetMeUseCase;

/**
 * Implements {@link GetMeUseCase}. Authentication already read the current username, and Phase 1 has no profile
 * data (SPEC 0: {@code ""} and versions 0), so no further lookup is needed.
 */
public final class GetMeService implements GetMeUseCase {

    @Override
    public Me getMe(GetMeQuery query) {
        AuthenticatedUser caller = query.caller();
        return new Me(caller.userId(), caller.username(), "", 0, 0);
    }
}
