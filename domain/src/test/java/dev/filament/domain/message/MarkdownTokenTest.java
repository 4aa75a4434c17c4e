package dev.filament.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
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
    void wireFormPutsTypeFirstThenTheFieldsInTableOrder() {
        Map<String, Object> wire = new MarkdownToken.FencedCode(Optional.of("rust"), "fn").toWire();

        assertThat(wire).containsExactly(Map.entry("type", "fenced_code"), Map.entry("language", "rust"),
                Map.entry("code", "fn"));
    }

    @Test
    void absentLanguageIsPresentOnTheWireAsNull() {
        Map<String, Object> wire = new MarkdownToken.FencedCode(Optional.empty(), "x").toWire();

        assertThat(wire.keySet()).containsExactly("type", "language", "code");
        assertThat(wire.get("language")).isNull();
    }

    @Test
    void fieldTokensCarryTheirValue_markerTokensOnlyTheType() {
        assertThat(new MarkdownToken.HeadingStart(2).toWire()).containsExactly(Map.entry("type", "heading_start"),
                Map.entry("level", 2));
        assertThat(new MarkdownToken.ListStart(false).toWire()).containsExactly(Map.entry("type", "list_start"),
                Map.entry("ordered", false));
        assertThat(new MarkdownToken.LinkStart("mailto:a@b").toWire()).containsExactly(Map.entry("type", "link_start"),
                Map.entry("href", "mailto:a@b"));
        assertThat(new MarkdownToken.Text("hi").toWire()).containsExactly(Map.entry("type", "text"),
                Map.entry("text", "hi"));
        assertThat(new MarkdownToken.Code("x").toWire()).containsExactly(Map.entry("type", "code"),
                Map.entry("code", "x"));
        assertThat(new MarkdownToken.SoftBreak().toWire()).containsExactly(Map.entry("type", "soft_break"));
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
