package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.TokenService;
import dev.filament.application.identity.port.out.TokenServiceContract;

class FakeTokenServiceTest extends TokenServiceContract {
    private final FakeTokenService tokens = new FakeTokenService();

    @Override
    protected TokenService tokens() {
        return tokens;
    }
}
