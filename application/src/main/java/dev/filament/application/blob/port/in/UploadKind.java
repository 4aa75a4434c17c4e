package dev.filament.application.blob.port.in;

import java.util.Locale;

/** The three raw-body upload routes, as the {@code kind} label of SPEC 14.1/14.2. */
public enum UploadKind {
    ATTACHMENT, AVATAR, BANNER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
