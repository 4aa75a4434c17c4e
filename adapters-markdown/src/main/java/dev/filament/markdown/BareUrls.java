package dev.filament.markdown;

import dev.filament.domain.message.MarkdownToken;

/**
 * Turns plain {@code http://}, {@code https://} and {@code mailto:} runs of a text run into links (SPEC 8.3 rule 3).
 *
 * <p>One left-to-right pass without regular expressions, so the cost stays linear in the text length.
 */
final class BareUrls {

    private static final String TRAILING_PUNCTUATION = ")]}.,!?;:";

    private BareUrls() {
    }

    /** Emits {@code run} as text, with each bare URL as {@code link_start}, {@code text}, {@code link_end}. */
    static void emit(String run, TokenSink sink) {
        int plainStart = 0;
        int i = 0;
        while (i < run.length()) {
            int prefix = Schemes.barePrefixLengthAt(run, i);
            if (prefix == 0) {
                i++;
                continue;
            }
            int end = endOfRun(run, i);
            int urlEnd = trimTrailingPunctuation(run, i, end);
            if (urlEnd > i + prefix) {
                String url = run.substring(i, urlEnd);
                sink.text(run.substring(plainStart, i));
                sink.add(new MarkdownToken.LinkStart(url));
                sink.text(url);
                sink.add(new MarkdownToken.LinkEnd());
                plainStart = urlEnd;
                // Only trimmed punctuation lies between urlEnd and end, and no URL starts there.
                i = urlEnd;
            } else {
                // A bare scheme with nothing after it stays text; nothing before `end` can start another URL.
                i = end;
            }
        }
        sink.text(run.substring(plainStart));
    }

    private static int endOfRun(String run, int start) {
        int i = start;
        while (i < run.length()) {
            int codePoint = run.codePointAt(i);
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                break;
            }
            i += Character.charCount(codePoint);
        }
        return i;
    }

    private static int trimTrailingPunctuation(String run, int start, int end) {
        int i = end;
        while (i > start && TRAILING_PUNCTUATION.indexOf(run.charAt(i - 1)) >= 0) {
            i--;
        }
        return i;
    }
}
