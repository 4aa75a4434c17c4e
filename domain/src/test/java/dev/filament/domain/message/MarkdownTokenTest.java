package dev.filament.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownTokenTest {

    @Test
    void everyTokenNamesItsWireType() {
        assertThat(new MarkdownToken.ParagraphStart().type()).isEqualTo("paragraph_start");
        assertThat(new MarkdownToken.ParagraphEnd().type()).isEqualTo("paragraph_end");
        assertThat(new MarkdownToken.HeadingStart(1).type()).isEqualTo("heading_start");
        assertThat(new MarkdownToken.HeadingEnd().type()).isEqualTo("heading_end");
        assertThat(new MarkdownToken.EmphasisStart().type()).isEqualTo("emphasis_start");
        assertThat(new MarkdownToken.EmphasisEnd().type()).isEqualTo("emphasis_end");
        assertThat(new MarkdownToken.StrongStart().type()).isEqualTo("strong_start");
        assertThat(new MarkdownToken.StrongEnd().type()).isEqualTo("strong_end");
        assertThat(new MarkdownToken.ListStart(true).type()).isEqualTo("list_start");
        assertThat(new MarkdownToken.ListEnd().type()).isEqualTo("list_end");
        assertThat(new MarkdownToken.ListItemStart().type()).isEqualTo("list_item_start");
        assertThat(new MarkdownToken.ListItemEnd().type()).isEqualTo("list_item_end");
        assertThat(new MarkdownToken.LinkStart("https://a").type()).isEqualTo("link_start");
        assertThat(new MarkdownToken.LinkEnd().type()).isEqualTo("link_end");
        assertThat(new MarkdownToken.Text("t").type()).isEqualTo("text");
        assertThat(new MarkdownToken.Code("c").type()).isEqualTo("code");
        assertThat(new MarkdownToken.FencedCode(Optional.empty(), "c").type()).isEqualTo("fenced_code");
        assertThat(new MarkdownToken.SoftBreak().type()).isEqualTo("soft_break");
        assertThat(new MarkdownToken.HardBreak().type()).isEqualTo("hard_break");
    }

    @Test
    void headingLevelOutside1To6_isRejected() {
        assertThatThrownBy(() -> new MarkdownToken.HeadingStart(0)).hasMessageContaining("level");
        assertThatThrownBy(() -> new MarkdownToken.HeadingStart(7)).hasMessageContaining("level");
    }

    @Test
    void unnormalisedLanguage_isRejected() {
        assertThatThrownBy(() -> new MarkdownToken.FencedCode(Optional.of("Rust"), "x")).hasMessageContaining("language");
        assertThatThrownBy(() -> new MarkdownToken.FencedCode(Optional.of(""), "x")).hasMessageContaining("language");
        assertThatThrownBy(() -> new MarkdownToken.FencedCode(Optional.of("a".repeat(33)), "x"))
                .hasMessageContaining("language");
    }

    @Test
    void missingValues_areRejectedNamingTheField() {
        assertThatThrownBy(() -> new MarkdownToken.Text(null)).hasMessageContaining("text");
        assertThatThrownBy(() -> new MarkdownToken.LinkStart(null)).hasMessageContaining("href");
        assertThatThrownBy(() -> new MarkdownToken.FencedCode(null, "x")).hasMessageContaining("language");
    }
}
