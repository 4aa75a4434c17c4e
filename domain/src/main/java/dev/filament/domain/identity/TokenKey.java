package dev.filament.domain.identity;

import java.security.MessageDigest;
import java.util.Arrays;

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
