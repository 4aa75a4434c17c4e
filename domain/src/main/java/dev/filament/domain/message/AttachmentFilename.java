package dev.filament.domain.message;

import dev.filament.domain.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;

/**
 * Value: an attachment's file name (SPEC 8.5 step 3), already decoded: 1..128 UTF-8 bytes; no {@code /}, {@code \} or
 * control character (Cc, U+0000 included); not only whitespace (Unicode {@code White_Space} and U+FEFF, what the web
 * client's {@code trim()} removes); not {@code .} or {@code ..}. Stored exactly as given; never logged (SPEC 14.1).
 */
public record AttachmentFilename(String value) {
    public static final int MAX_BYTES = 128;
    /** The name of an upload without {@code filename}. */
    public static final AttachmentFilename DEFAULT = new AttachmentFilename("upload.bin");

    public AttachmentFilename {
        if (value == null || value.isEmpty() || value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRequestException("filename must be 1..128 bytes");
        }
        if (value.codePoints().anyMatch(cp -> cp == '/' || cp == '\\' || Character.getType(cp) == Character.CONTROL
                || Character.getType(cp) == Character.SURROGATE)) {
            throw new InvalidRequestException("filename must not contain /, \\ or control characters");
        }
        if (value.codePoints().allMatch(cp -> cp == 0xFEFF || Emoji.isWhiteSpace(cp))) {
            throw new InvalidRequestException("filename must not be only whitespace");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new InvalidRequestException("filename must not be . or ..");
        }
    }

    public static AttachmentFilename of(String value) {
        return new AttachmentFilename(value);
    }

    @Override
    public String toString() {
        return "AttachmentFilename[" + value.length() + " UTF-16 units]";
    }
}
