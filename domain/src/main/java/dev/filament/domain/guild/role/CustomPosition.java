package dev.filament.domain.guild.role;

import dev.filament.domain.error.InvalidRequestException;

/** Value: a position a client may give a custom role, 1..9999 (SPEC 5.6); 0 and 10000 belong to seeded roles. */
public record CustomPosition(int value) {
    public static final int MIN = 1;
    public static final int MAX = 9999;

    public CustomPosition {
        if (value < MIN || value > MAX) {
            throw new InvalidRequestException("position must be within 1..9999");
        }
    }

    public static CustomPosition of(int value) {
        return new CustomPosition(value);
    }
}
