package dev.filament.markdown;

import static dev.filament.markdown.Tok.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.junit.jupiter.api.Test;

/** Walker behaviour on hand-built trees, for shapes the current parser version happens not to produce. */
class TokenWalkerTest {

    @Test
    void adjacentTextNodesAreScannedAsOneRun_soABareUrlIsNotCutAtANodeBoundary() {
        Paragraph paragraph = new Paragraph();
        paragraph.appendChild(new Text("see https://a"));
        paragraph.appendChild(new Text(".b/c"));
        paragraph.appendChild(new Text(")."));
        Document document = new Document();
        document.appendChild(paragraph);

        assertThat(new TokenWalker().walk(document)).containsExactly(
                P, text("see "), link("https://a.b/c"), text("https://a.b/c"), LINK_END, text(")."), P_END);
    }

    @Test
    void textRunsSeparatedByOtherNodesAreScannedSeparately() {
        Paragraph paragraph = new Paragraph();
        paragraph.appendChild(new Text("https://a"));
        Emphasis emphasis = new Emphasis();
        emphasis.appendChild(new Text("x"));
        paragraph.appendChild(emphasis);
        Document document = new Document();
        document.appendChild(paragraph);

        assertThat(new TokenWalker().walk(document)).containsExactly(
                P, link("https://a"), text("https://a"), LINK_END, EM, text("x"), EM_END, P_END);
    }
}
