package dev.filament.domain.message;

import dev.filament.domain.error.InvalidRequestException;

/**
 * Value: the text of a message (SPEC 8.1, 1.4): at most 2000 Unicode code points without U+0000, stored and returned
 * exactly as given (not trimmed); at least 1 unless the message carries an attachment (then it may be empty: the
 * canonical constructor, used for stored rows, accepts 0). A broken rule is 400 {@code invalid_request}.
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
        if (value.codePointCount(0, value.length()) > MAX_CHARS) {
            throw new InvalidRequestException("content must be at most 2000 characters");
        }
    }

    /** 1..2000 chars: a message without attachments, and every edit. */
    public static MessageContent of(String raw) {
        return of(raw, false);
    }

    /** 1..2000 chars, or 0..2000 when the message names at least one attachment (SPEC 8.1). */
    public static MessageContent of(String raw, boolean withAttachments) {
        MessageContent content = new MessageContent(raw);
        if (raw.isEmpty() && !withAttachments) {
            throw new InvalidRequestException("content must be 1..2000 characters");
        }
        return content;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        // content is never logged (SPEC 14.1): a stray toString in a log line shows only the size
        return "MessageContent[" + value.length() + " UTF-16 units]";
    }
}
