package dev.filament.http.error;

/** 416 {@code range_not_satisfiable} (SPEC 8.5); the {@code Content-Range: bytes *}{@code /size} header is set. */
public final class RangeNotSatisfiable extends RuntimeException {
    public RangeNotSatisfiable() {
        super("range not satisfiable", null, false, false);
    }
}
