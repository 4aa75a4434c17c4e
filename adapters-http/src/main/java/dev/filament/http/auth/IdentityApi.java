package dev.filament.http.auth;

import dev.filament.application.identity.port.in.GetMeUseCase;
import dev.filament.application.identity.port.in.LoginUserUseCase;
import dev.filament.application.identity.port.in.LogoutSessionUseCase;
import dev.filament.application.identity.port.in.LookupUsersUseCase;
import dev.filament.application.identity.port.in.RefreshSessionUseCase;
import dev.filament.application.identity.port.in.RegisterUserUseCase;

/** The identity use cases the auth routes call. */
public record IdentityApi(RegisterUserUseCase register, LoginUserUseCase login, RefreshSessionUseCase refresh,
                          LogoutSessionUseCase logout, GetMeUseCase me, LookupUsersUseCase lookup) {
}
