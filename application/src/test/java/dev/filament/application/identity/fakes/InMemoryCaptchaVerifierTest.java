package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.CaptchaVerifier;
import dev.filament.application.identity.port.out.CaptchaVerifierContract;

class InMemoryCaptchaVerifierTest extends CaptchaVerifierContract {
    @Override
    protected CaptchaVerifier verifierAcceptingOnly(String goodToken) {
        return new InMemoryCaptchaVerifier(goodToken);
    }
}
