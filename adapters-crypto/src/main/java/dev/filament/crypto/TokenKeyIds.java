package dev.filament.crypto;

import dev.filament.domain.identity.TokenKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Derives the {@code kid} header of an access token: a format version plus a short one-way fingerprint of the key, so
 * a future key rotation or format change can tell tokens apart without revealing anything usable about the key.
 */
final class TokenKeyIds {
    static final String FORMAT_VERSION = "v1";
    private static final byte[] LABEL = "filament access token key id".getBytes(StandardCharsets.UTF_8);

    private TokenKeyIds() {
    }

    static String keyId(TokenKey key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(LABEL);
            byte[] fingerprint = Arrays.copyOf(sha256.digest(key.bytes()), 9);
            return FORMAT_VERSION + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(fingerprint);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
