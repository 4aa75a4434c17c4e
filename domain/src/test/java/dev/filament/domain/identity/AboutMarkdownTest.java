package dev.filament.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AboutMarkdownTest {

    @Test
    void limitIsInUtf8BytesNotChars() {
        assertThat(AboutMarkdown.isValid("a".repeat(2048))).isTrue();
        assertThat(AboutMarkdown.isValid("a".repeat(2049))).isFalse();
        assertThat(AboutMarkdown.isValid("é".repeat(1024))).isTrue();
        assertThat(AboutMarkdown.isValid("é".repeat(1025))).as("2050 bytes in 1025 chars").isFalse();
    }

    @Test
    void emptyIsValidAndNulCharIsNot() {
        assertThat(AboutMarkdown.EMPTY.value()).isEmpty();
        assertThat(AboutMarkdown.isValid("a\0b")).isFalse();
        assertThatThrownBy(() -> new AboutMarkdown("\0")).isInstanceOf(IllegalArgumentException.class);
    }
}
