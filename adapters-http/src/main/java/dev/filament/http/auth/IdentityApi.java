package dev.filament.http.auth;

import dev.filament.application.identity.GetMeUseCase;
import dev.filament.application.identity.LoginUserUseCase;
import dev.filament.application.identity.LogoutSessionUseCase;
import dev.filament.application.identity.LookupUsersUseCase;
import dev.filament.application.identity.RefreshSessionUseCase;
import dev.filament.application.identity.RegisterUserUseCase;

/** The identity use cases the auth routes call. */
public record IdentityApi(RegisterUserUseCase register, LoginUserUseCase login, RefreshSessionUseCase refresh,
                          LogoutSessionUseCase logout, GetMeUseCase me, LookupUsersUseCase lookup) {
}
