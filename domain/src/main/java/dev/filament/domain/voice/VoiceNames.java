package dev.filament.domain.voice;

import java.util.regex.Pattern;

/** The shape every LiveKit room name and participant identity must have (SPEC 11.2): 1..128 of {@code [A-Za-z0-9_.-]}. */
final class VoiceNames {
    static final int MAX_LENGTH = 128;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_LENGTH + "}");

    private VoiceNames() {
    }

    static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && SHAPE.matcher(name).matches();
    }

    static String require(String name, String field) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(field + " must be 1..128 chars of [A-Za-z0-9_.-]");
        }
        return name;
    }
}
