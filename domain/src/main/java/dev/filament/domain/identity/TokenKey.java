package dev.filament.domain.identity;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** The 32-byte secret that signs access tokens (SPEC 4.2). Never printed. */
public final class TokenKey {
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private TokenKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TokenKey of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("tokenKey must be exactly 32 bytes");
        }
        return new TokenKey(bytes.clone());
    }

    /** Decodes {@code FILAMENT_TOKEN_KEY}: standard base64 of exactly 32 bytes, else empty. */
    public static Optional<TokenKey> fromBase64(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(encoded.trim());
            return decoded.length == LENGTH ? Optional.of(new TokenKey(decoded)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenKey other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        // Hash of a digest, so a printed hashCode tells nothing about the key bytes.
        return Arrays.hashCode(Sha256.digest(bytes));
    }

    @Override
    public String toString() {
        return "TokenKey[redacted]";
    }
}
