package dev.filament.domain.message;

import java.util.Objects;
import java.util.Optional;

/**
 * One element of the flat markdown token list of a message (SPEC 8.3), tagged on the wire by {@link #type()}.
 *
 * <p>Start and end tokens are separate values rather than a tree because clients consume a flat list and the
 * 4096-token cap may cut the list anywhere, leaving starts without their ends.
 */
public sealed interface MarkdownToken {

    /** At most this many tokens per message; the rest are dropped. */
    int MAX_TOKENS = 4096;
    /** {@code text} and {@code code} values are cut to this many UTF-8 bytes on a code point boundary. */
    int MAX_TEXT_BYTES = 4096;
    /** At most this many code blocks per message; later blocks become {@code text}. */
    int MAX_CODE_BLOCKS = 64;
    /** Code block content is cut to this many UTF-8 bytes on a code point boundary. */
    int MAX_CODE_BLOCK_BYTES = 16384;
    /** Longest accepted code block language. */
    int MAX_LANGUAGE_CHARS = 32;

    /** The wire tag, e.g. {@code "paragraph_start"}. */
    String type();

    record ParagraphStart() implements MarkdownToken {
        public String type() { return "paragraph_start"; }
    }

    record ParagraphEnd() implements MarkdownToken {
        public String type() { return "paragraph_end"; }
    }

    /** Start of an ATX or setext heading of the given level. */
    record HeadingStart(int level) implements MarkdownToken {
        public HeadingStart {
            if (level < 1 || level > 6) {
                throw new IllegalArgumentException("level must be 1..6, was " + level);
            }
        }

        public String type() { return "heading_start"; }
    }

    record HeadingEnd() implements MarkdownToken {
        public String type() { return "heading_end"; }
    }

    record EmphasisStart() implements MarkdownToken {
        public String type() { return "emphasis_start"; }
    }

    record EmphasisEnd() implements MarkdownToken {
        public String type() { return "emphasis_end"; }
    }

    record StrongStart() implements MarkdownToken {
        public String type() { return "strong_start"; }
    }

    record StrongEnd() implements MarkdownToken {
        public String type() { return "strong_end"; }
    }

    record ListStart(boolean ordered) implements MarkdownToken {
        public String type() { return "list_start"; }
    }

    record ListEnd() implements MarkdownToken {
        public String type() { return "list_end"; }
    }

    record ListItemStart() implements MarkdownToken {
        public String type() { return "list_item_start"; }
    }

    record ListItemEnd() implements MarkdownToken {
        public String type() { return "list_item_end"; }
    }

    /** Start of a link whose target passed the scheme check of SPEC 8.3 rule 2. */
    record LinkStart(String href) implements MarkdownToken {
        public LinkStart {
            Objects.requireNonNull(href, "href");
        }

        public String type() { return "link_start"; }
    }

    record LinkEnd() implements MarkdownToken {
        public String type() { return "link_end"; }
    }

    record Text(String text) implements MarkdownToken {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        public String type() { return "text"; }
    }

    /** An inline code span. */
    record Code(String code) implements MarkdownToken {
        public Code {
            Objects.requireNonNull(code, "code");
        }

        public String type() { return "code"; }
    }

    /** A fenced or indented code block; the language is already normalised (lower case, 1..32 safe chars). */
    record FencedCode(Optional<String> language, String code) implements MarkdownToken {
        public FencedCode {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(code, "code");
            language.ifPresent(FencedCode::requireNormalised);
        }

        public String type() { return "fenced_code"; }

        private static void requireNormalised(String language) {
            if (language.isEmpty() || language.length() > MAX_LANGUAGE_CHARS) {
                throw new IllegalArgumentException("language must be 1.." + MAX_LANGUAGE_CHARS + " chars");
            }
            for (int i = 0; i < language.length(); i++) {
                char c = language.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "_+.-".indexOf(c) >= 0;
                if (!ok) {
                    throw new IllegalArgumentException("language must be lower-case [a-z0-9_+.-], was " + language);
                }
            }
        }
    }

    record SoftBreak() implements MarkdownToken {
        public String type() { return "soft_break"; }
    }

    record HardBreak() implements MarkdownToken {
        public String type() { return "hard_break"; }
    }
}
