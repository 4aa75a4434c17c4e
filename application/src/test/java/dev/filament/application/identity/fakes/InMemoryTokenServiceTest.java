package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.TokenService;
import dev.filament.application.identity.port.out.TokenServiceContract;

class InMemoryTokenServiceTest extends TokenServiceContract {
    private final InMemoryTokenService tokens = new InMemoryTokenService();

    @Override
    protected TokenService tokens() {
        return tokens;
    }
}
