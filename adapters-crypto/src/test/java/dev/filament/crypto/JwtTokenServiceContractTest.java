package dev.filament.crypto;

import dev.filament.application.identity.port.out.TokenService;
import dev.filament.application.identity.port.out.TokenServiceContract;
import dev.filament.domain.identity.TokenKey;

/** The JWT adapter keeps the token service contract its fake keeps. */
class JwtTokenServiceContractTest extends TokenServiceContract {
    private final JwtTokenService tokens = new JwtTokenService(TokenKey.of(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32}));

    @Override
    protected TokenService tokens() {
        return tokens;
    }
}
