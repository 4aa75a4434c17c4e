package dev.filament.http.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.wire.TokenShape;
import dev.filament.http.json.Json;
import org.junit.jupiter.api.Test;

/** The token shapes serialise with the shared Jackson setup to the JSON shape of SPEC 8.3. */
class WireJsonTest {

    private final Json json = new Json();
    private final CommonmarkTokenizer tokenizer = new CommonmarkTokenizer();

    @Test
    void tokensSerialiseWithTypeFirstAndANullLanguage() {
        var wire = tokenizer.tokenize("# T\n\n- [a](https://x)\n\n```\nc\n```").stream()
                .map(TokenShape::of)
                .toList();

        assertThat(json.write(wire)).isEqualTo("["
                + "{\"type\":\"heading_start\",\"level\":1},{\"type\":\"text\",\"text\":\"T\"},{\"type\":\"heading_end\"},"
                + "{\"type\":\"list_start\",\"ordered\":false},{\"type\":\"list_item_start\"},{\"type\":\"paragraph_start\"},"
                + "{\"type\":\"link_start\",\"href\":\"https://x\"},{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"link_end\"},"
                + "{\"type\":\"paragraph_end\"},{\"type\":\"list_item_end\"},{\"type\":\"list_end\"},"
                + "{\"type\":\"fenced_code\",\"language\":null,\"code\":\"c\\n\"}]");
    }
}
