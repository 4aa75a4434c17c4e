package dev.filament.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Value: the embedded cluster's password and the file that keeps it (mode 0600, created with those permissions so it
 * is never readable by others, not even for a moment). 32 random bytes, base64url without padding.
 */
record EmbeddedPassword(Path file, String value) {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the password in {@code file}, or creates the file with a new random password when it does not exist. */
    static EmbeddedPassword loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (FileAlreadyExistsException raced) {
                return read(file);
            }
            return new EmbeddedPassword(file, value);
        }
        return read(file);
    }

    private static EmbeddedPassword read(Path file) throws IOException {
        Files.setPosixFilePermissions(file, OWNER_ONLY); // repair a file an operator loosened
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (value.isEmpty() || value.contains("\n")) {
            throw new IOException("the embedded PostgreSQL password file " + file + " must hold one non-empty line");
        }
        return new EmbeddedPassword(file, value);
    }

    @Override
    public String toString() {
        return "EmbeddedPassword[" + file + "]"; // never the secret
    }
}
