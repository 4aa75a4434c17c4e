package dev.filament.application.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.message.MarkdownToken;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wire form of the markdown tokens (SPEC 8.3): {@code type} first, then the fields in table order. */
class TokenShapeTest {

    private static Map<String, Object> wire(MarkdownToken token) {
        return WireMaps.record((Record) TokenShape.of(token));
    }

    @Test
    void wireFormPutsTypeFirstThenTheFieldsInTableOrder() {
        assertThat(wire(new MarkdownToken.FencedCode(Optional.of("rust"), "fn"))).containsExactly(
                Map.entry("type", "fenced_code"), Map.entry("language", "rust"), Map.entry("code", "fn"));
    }

    @Test
    void absentLanguageIsPresentOnTheWireAsNull() {
        Map<String, Object> wire = wire(new MarkdownToken.FencedCode(Optional.empty(), "x"));

        assertThat(wire.keySet()).containsExactly("type", "language", "code");
        assertThat(wire.get("language")).isNull();
    }

    @Test
    void fieldTokensCarryTheirValue_markerTokensOnlyTheType() {
        assertThat(wire(new MarkdownToken.HeadingStart(2))).containsExactly(Map.entry("type", "heading_start"),
                Map.entry("level", 2));
        assertThat(wire(new MarkdownToken.ListStart(false))).containsExactly(Map.entry("type", "list_start"),
                Map.entry("ordered", false));
        assertThat(wire(new MarkdownToken.LinkStart("mailto:a@b"))).containsExactly(Map.entry("type", "link_start"),
                Map.entry("href", "mailto:a@b"));
        assertThat(wire(new MarkdownToken.Text("hi"))).containsExactly(Map.entry("type", "text"),
                Map.entry("text", "hi"));
        assertThat(wire(new MarkdownToken.Code("x"))).containsExactly(Map.entry("type", "code"),
                Map.entry("code", "x"));
        assertThat(wire(new MarkdownToken.SoftBreak())).containsExactly(Map.entry("type", "soft_break"));
        assertThat(wire(new MarkdownToken.HardBreak())).containsExactly(Map.entry("type", "hard_break"));
    }
}
