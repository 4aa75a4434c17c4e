package dev.filament.domain.message;

import dev.filament.domain.error.InvalidRequestException;

/**
 * Value: the text of a message (SPEC 8.1, 1.4): 1..2000 Unicode code points without U+0000, stored and returned
 * exactly as given (not trimmed). A broken rule is 400 {@code invalid_request}.
 */
public record MessageContent(String value) {
    public static final int MAX_CHARS = 2000;

    public MessageContent {
        if (value == null) {
            throw new InvalidRequestException("content is required");
        }
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidRequestException("content must not contain U+0000");
        }
        int chars = value.codePointCount(0, value.length());
        if (chars < 1 || chars > MAX_CHARS) {
            throw new InvalidRequestException("content must be 1..2000 characters");
        }
    }

    public static MessageContent of(String raw) {
        return new MessageContent(raw);
    }

    @Override
    public String toString() {
        // content is never logged (SPEC 14.1): a stray toString in a log line shows only the size
        return "MessageContent[" + value.length() + " UTF-16 units]";
    }
}
