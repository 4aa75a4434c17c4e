package dev.filament.application.blob.port.out;

import java.util.Locale;

/** Why an upload was refused: the {@code outcome}/{@code reason} values of SPEC 14.1/14.2 besides {@code ok}. */
public enum UploadOutcome {
    TOO_LARGE, QUOTA, TYPE_REFUSED, TYPE_MISMATCH, EMPTY, ABORTED, TIMEOUT, INVALID, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
