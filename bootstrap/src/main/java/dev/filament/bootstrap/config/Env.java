package dev.filament.bootstrap.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads of environment variables with SPEC 13 rules: blank = unset, decimal integers, true|false|1|0. */
final class Env {
    private final Map<String, String> vars;

    Env(Map<String, String> vars) {
        this.vars = vars;
    }

    Optional<String> string(String name) {
        String v = vars.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    String string(String name, String fallback) {
        return string(name).orElse(fallback);
    }

    long integer(String name, long fallback, long min, long max) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        String s = raw.get();
        if (!s.matches("[0-9]{1,18}")) {
            throw new ConfigException(name, "must be a decimal integer");
        }
        long v = Long.parseLong(s);
        if (v < min || v > max) {
            throw new ConfigException(name, "must be between " + min + " and " + max);
        }
        return v;
    }

    boolean bool(String name, boolean fallback) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new ConfigException(name, "must be true, false, 1 or 0");
        };
    }
}
