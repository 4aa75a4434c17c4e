package dev.filament.domain.identity;

/** A stored password hash (a PHC string such as {@code $argon2id$v=19$...}); opaque to everything but the hasher. */
public record PasswordHash(String value) {
    public static final int MAX_LENGTH = 512;

    public PasswordHash {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("passwordHash must be 1..512 non-blank chars");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
