package dev.filament.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filament.domain.message.MarkdownToken;
import org.junit.jupiter.api.Test;

/** The wire maps serialise with Jackson to the JSON shape of SPEC 8.3. */
class WireJsonTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CommonmarkTokenizer tokenizer = new CommonmarkTokenizer();

    @Test
    void tokensSerialiseWithTypeFirstAndANullLanguage() throws Exception {
        var wire = tokenizer.tokenize("# T\n\n- [a](https://x)\n\n```\nc\n```").stream()
                .map(MarkdownToken::toWire)
                .toList();

        assertThat(json.writeValueAsString(wire)).isEqualTo("["
                + "{\"type\":\"heading_start\",\"level\":1},{\"type\":\"text\",\"text\":\"T\"},{\"type\":\"heading_end\"},"
                + "{\"type\":\"list_start\",\"ordered\":false},{\"type\":\"list_item_start\"},{\"type\":\"paragraph_start\"},"
                + "{\"type\":\"link_start\",\"href\":\"https://x\"},{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"link_end\"},"
                + "{\"type\":\"paragraph_end\"},{\"type\":\"list_item_end\"},{\"type\":\"list_end\"},"
                + "{\"type\":\"fenced_code\",\"language\":null,\"code\":\"c\\n\"}]");
    }
}
