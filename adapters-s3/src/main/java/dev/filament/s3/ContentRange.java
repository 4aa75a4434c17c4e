package dev.filament.s3;

/** Reads the complete length from a {@code Content-Range: bytes first-last/complete} response header. */
final class ContentRange {
    private ContentRange() {
    }

    /** The complete length, or {@code fallback} when the header is absent or has no known length ({@code *}). */
    static long totalSize(String header, long fallback) {
        if (header == null) {
            return fallback;
        }
        int slash = header.lastIndexOf('/');
        if (slash < 0) {
            return fallback;
        }
        try {
            return Long.parseLong(header.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
