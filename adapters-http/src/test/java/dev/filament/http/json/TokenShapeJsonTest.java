package dev.filament.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.wire.TokenShape;
import dev.filament.domain.message.MarkdownToken;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token shapes serialise with the shared Jackson setup to the JSON shape of SPEC 8.3. */
class TokenShapeJsonTest {

    private final Json json = new Json();

    @Test
    void tokensSerialiseWithTypeFirstAndANullLanguage() {
        List<MarkdownToken> tokens = List.of(new MarkdownToken.HeadingStart(1), new MarkdownToken.Text("T"),
                new MarkdownToken.HeadingEnd(), new MarkdownToken.ListStart(false), new MarkdownToken.ListItemStart(),
                new MarkdownToken.ParagraphStart(), new MarkdownToken.LinkStart("https://x"),
                new MarkdownToken.Text("a"), new MarkdownToken.LinkEnd(), new MarkdownToken.ParagraphEnd(),
                new MarkdownToken.ListItemEnd(), new MarkdownToken.ListEnd(),
                new MarkdownToken.FencedCode(Optional.empty(), "c\n"));
        var wire = tokens.stream().map(TokenShape::of).toList();

        assertThat(json.write(wire)).isEqualTo("["
                + "{\"type\":\"heading_start\",\"level\":1},{\"type\":\"text\",\"text\":\"T\"},{\"type\":\"heading_end\"},"
                + "{\"type\":\"list_start\",\"ordered\":false},{\"type\":\"list_item_start\"},{\"type\":\"paragraph_start\"},"
                + "{\"type\":\"link_start\",\"href\":\"https://x\"},{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"link_end\"},"
                + "{\"type\":\"paragraph_end\"},{\"type\":\"list_item_end\"},{\"type\":\"list_end\"},"
                + "{\"type\":\"fenced_code\",\"language\":null,\"code\":\"c\\n\"}]");
    }
}
