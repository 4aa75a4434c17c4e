package dev.filament.application.blob.port.out;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of the SPEC 8.7 sniffing table, in table order: the only types ever stored and served. Each row lists the
 * declared types compatible with it; an entry ending in {@code *} is a prefix. {@code text/plain} also accepts every
 * other {@code text/*} type that step 1 does not refuse.
 */
public enum SniffedType {
    IMAGE_PNG("image/png", "image/png", "image/x-png"),
    IMAGE_JPEG("image/jpeg", "image/jpeg", "image/jpg", "image/pjpeg"),
    IMAGE_GIF("image/gif", "image/gif"),
    IMAGE_WEBP("image/webp", "image/webp"),
    IMAGE_AVIF("image/avif", "image/avif"),
    VIDEO_QUICKTIME("video/quicktime", "video/quicktime"),
    AUDIO_MP4("audio/mp4", "audio/mp4", "audio/x-m4a", "audio/m4a"),
    VIDEO_MP4("video/mp4", "video/mp4", "video/x-m4v", "application/mp4"),
    VIDEO_WEBM("video/webm", "video/webm", "audio/webm"),
    AUDIO_OGG("audio/ogg", "audio/ogg", "audio/opus", "video/ogg", "application/ogg"),
    AUDIO_WAV("audio/wav", "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"),
    AUDIO_FLAC("audio/flac", "audio/flac", "audio/x-flac"),
    AUDIO_MPEG("audio/mpeg", "audio/mpeg", "audio/mp3"),
    AUDIO_AAC("audio/aac", "audio/aac", "audio/x-aac"),
    APPLICATION_PDF("application/pdf", "application/pdf"),
    APPLICATION_ZIP("application/zip", "application/zip", "application/x-zip-compressed", "application/x-zip",
            "application/java-archive", "application/epub+zip", "application/vnd.openxmlformats-officedocument.*",
            "application/vnd.oasis.opendocument.*"),
    APPLICATION_GZIP("application/gzip", "application/gzip", "application/x-gzip", "application/x-gtar",
            "application/x-compressed-tar"),
    APPLICATION_7Z("application/x-7z-compressed", "application/x-7z-compressed"),
    TEXT_PLAIN("text/plain", "text/plain", "text/*", "application/json", "application/x-ndjson", "application/yaml",
            "application/x-yaml", "application/toml");

    /** The five image rows: the allowlist of avatar and banner uploads. */
    public static final Set<SniffedType> IMAGES = Set.of(IMAGE_PNG, IMAGE_JPEG, IMAGE_GIF, IMAGE_WEBP, IMAGE_AVIF);
    /** Every row: the allowlist of attachment uploads. */
    public static final Set<SniffedType> ALL = Set.of(values());

    private final String mime;
    private final List<String> compatible;

    SniffedType(String mime, String... compatible) {
        this.mime = mime;
        this.compatible = List.of(compatible);
    }

    /** The stored and served type, e.g. {@code image/png}. */
    public String mime() {
        return mime;
    }

    /** Whether a declared essence (lower case, parameters dropped, already past the refusals) fits this row. */
    public boolean accepts(String declaredEssence) {
        for (String c : compatible) {
            boolean match = c.endsWith("*")
                    ? declaredEssence.startsWith(c.substring(0, c.length() - 1))
                            && declaredEssence.length() > c.length() - 1
                    : c.equals(declaredEssence);
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** The row for a stored type string (e.g. read back from a row). */
    public static Optional<SniffedType> ofMime(String mime) {
        for (SniffedType t : values()) {
            if (t.mime.equals(mime)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
