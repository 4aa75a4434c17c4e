package dev.filament.application.shared;

import dev.filament.domain.error.InvalidRequestException;
import java.util.OptionalInt;

/** Helper: the {@code limit} query parameter of a list, defaulted and range-checked (400 outside its range). */
public final class PageLimit {
    private PageLimit() {
    }

    public static int resolve(OptionalInt raw, int defaultValue, int max) {
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int value = raw.getAsInt();
        if (value < 1 || value > max) {
            throw new InvalidRequestException("limit must be within 1.." + max);
        }
        return value;
    }
}
