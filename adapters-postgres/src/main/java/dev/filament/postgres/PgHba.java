package dev.filament.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Helper: the embedded cluster's {@code pg_hba.conf}, which accepts password ({@code scram-sha-256}) logins only. */
final class PgHba {
    static final String FILE = "pg_hba.conf";
    private static final List<String> PASSWORD_ONLY = List.of(
            "# Written by Filament: every connection authenticates with the password in ../postgres-password.",
            "local all all scram-sha-256",
            "host  all all 127.0.0.1/32 scram-sha-256",
            "host  all all ::1/128 scram-sha-256");

    private PgHba() {
    }

    /** Whether every rule of the data directory's {@code pg_hba.conf} requires {@code scram-sha-256}. */
    static boolean isPasswordOnly(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return false;
        }
        List<String> rules = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        return !rules.isEmpty() && rules.stream().allMatch(l -> l.endsWith("scram-sha-256"));
    }

    /** Replaces {@code pg_hba.conf} atomically with the password-only rules. */
    static void writePasswordOnly(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        Path tmp = dataDirectory.resolve(FILE + ".filament-tmp");
        try {
            Files.write(tmp, PASSWORD_ONLY, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
