package dev.filament.domain.identity;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/** SHA-256 of a whole refresh token string: the only form in which refresh tokens are stored (SPEC 4.2). */
public final class RefreshTokenHash {
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private RefreshTokenHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Rebuilds a hash read from storage; {@code bytes} must be 32 long. */
    public static RefreshTokenHash of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("refreshTokenHash must be 32 bytes");
        }
        return new RefreshTokenHash(bytes.clone());
    }

    static RefreshTokenHash digest(byte[] data) {
        return new RefreshTokenHash(Sha256.digest(data));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Constant-time comparison, so a mismatch position cannot be learned from timing. */
    public boolean matches(RefreshTokenHash other) {
        return other != null && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RefreshTokenHash other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        // A prefix is enough to tell hashes apart in a test failure; the full hash is never printed.
        return "RefreshTokenHash[" + HexFormat.of().formatHex(bytes, 0, 4) + "…]";
    }
}
