package dev.filament.domain.guild;

import dev.filament.domain.error.InvalidRequestException;

/** The shared rule of guild and channel names (SPEC 5.6): 1..64 ASCII printable chars, one non-space, untrimmed. */
final class AsciiName {
    static final int MAX_CHARS = 64;

    private AsciiName() {
    }

    static String require(String value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field + " is required");
        }
        if (value.isEmpty() || value.length() > MAX_CHARS) {
            throw new InvalidRequestException(field + " must be 1..64 characters");
        }
        boolean hasNonSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new InvalidRequestException(field + " must be ASCII printable");
            }
            hasNonSpace |= c != ' ';
        }
        if (!hasNonSpace) {
            throw new InvalidRequestException(field + " must contain a non-space character");
        }
        return value;
    }
}
