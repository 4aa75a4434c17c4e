package dev.filament.http.json;

/** {@code Accepted = {"accepted": true}} (SPEC 5.6): the body of routes that only confirm. */
public record Accepted(boolean accepted) {
    public static final Accepted YES = new Accepted(true);
}
