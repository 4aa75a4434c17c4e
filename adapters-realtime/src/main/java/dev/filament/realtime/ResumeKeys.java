package dev.filament.realtime;

import java.security.SecureRandom;
import java.util.Base64;

/** Resume keys (SPEC 9.11): 43 chars, base64url without padding of 32 random bytes. A bearer secret: never logged. */
final class ResumeKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ResumeKeys() {
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
