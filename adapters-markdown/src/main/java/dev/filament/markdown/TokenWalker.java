package dev.filament.markdown;

import dev.filament.domain.message.MarkdownToken;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Walks one parsed CommonMark document and emits its SPEC 8.3 tokens; single use, one per message.
 *
 * <p>The walk is iterative (first child / next sibling / parent), so a deeply nested input cannot overflow the stack,
 * and it stops as soon as the token cap is reached.
 */
final class TokenWalker {

    private final TokenSink sink = new TokenSink();
    private int linkDepth;
    private int codeBlocks;

    List<MarkdownToken> walk(Node document) {
        Node node = document.getFirstChild();
        while (node != null && !sink.isFull()) {
            if (node instanceof Text text) {
                node = emitTextRun(text);
            } else if (enter(node) && node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            node = leaveUntilNextSibling(node, document);
        }
        return sink.toList();
    }

    /** Emits start tokens; true when the node's children carry tokens of their own. */
    private boolean enter(Node node) {
        switch (node) {
            case Paragraph p -> sink.add(new MarkdownToken.ParagraphStart());
            case Heading h -> sink.add(new MarkdownToken.HeadingStart(h.getLevel()));
            case BulletList l -> sink.add(new MarkdownToken.ListStart(false));
            case OrderedList l -> sink.add(new MarkdownToken.ListStart(true));
            case ListItem i -> sink.add(new MarkdownToken.ListItemStart());
            case Emphasis e -> sink.add(new MarkdownToken.EmphasisStart());
            case StrongEmphasis s -> sink.add(new MarkdownToken.StrongStart());
            case Link link -> enterLink(link);
            case Code code -> sink.code(code.getLiteral());
            case SoftLineBreak b -> sink.add(new MarkdownToken.SoftBreak());
            case HardLineBreak b -> sink.add(new MarkdownToken.HardBreak());
            case Image image -> {
                sink.text(AltText.of(image));
                return false;
            }
            case FencedCodeBlock block -> {
                codeBlock(block.getLiteral(), CodeLanguage.fromInfo(block.getInfo()));
                return false;
            }
            case IndentedCodeBlock block -> {
                codeBlock(block.getLiteral(), Optional.empty());
                return false;
            }
            case HtmlBlock html -> {
                return false;
            }
            case HtmlInline html -> {
                return false;
            }
            case ThematicBreak rule -> {
                return false;
            }
            case LinkReferenceDefinition definition -> {
                return false;
            }
            default -> {
                // block quotes and any other container: only their inner tokens (rule 4)
            }
        }
        return true;
    }

    private void leave(Node node) {
        switch (node) {
            case Paragraph p -> sink.add(new MarkdownToken.ParagraphEnd());
            case Heading h -> sink.add(new MarkdownToken.HeadingEnd());
            case BulletList l -> sink.add(new MarkdownToken.ListEnd());
            case OrderedList l -> sink.add(new MarkdownToken.ListEnd());
            case ListItem i -> sink.add(new MarkdownToken.ListItemEnd());
            case Emphasis e -> sink.add(new MarkdownToken.EmphasisEnd());
            case StrongEmphasis s -> sink.add(new MarkdownToken.StrongEnd());
            case Link link -> leaveLink(link);
            default -> {
                // nodes without end tokens
            }
        }
    }

    private void enterLink(Link link) {
        linkDepth++;
        Schemes.allowedHref(link.getDestination())
                .ifPresent(href -> sink.add(new MarkdownToken.LinkStart(href)));
    }

    private void leaveLink(Link link) {
        linkDepth--;
        if (Schemes.allowedHref(link.getDestination()).isPresent()) {
            sink.add(new MarkdownToken.LinkEnd());
        }
    }

    private void codeBlock(String literal, Optional<String> language) {
        codeBlocks++;
        if (codeBlocks > MarkdownToken.MAX_CODE_BLOCKS) {
            sink.text(literal);
        } else {
            String code = Utf8Limit.truncate(literal, MarkdownToken.MAX_CODE_BLOCK_BYTES);
            sink.add(new MarkdownToken.FencedCode(language, code));
        }
    }

    /**
     * Emits the run of adjacent text siblings starting at {@code first} as one text (the parser may split text, e.g.
     * around escapes and entities, and a bare URL must not be cut there); returns the last node of the run.
     */
    private Node emitTextRun(Text first) {
        StringBuilder run = new StringBuilder(first.getLiteral());
        Node last = first;
        while (last.getNext() instanceof Text next) {
            run.append(next.getLiteral());
            last = next;
        }
        if (linkDepth > 0) {
            sink.text(run.toString());
        } else {
            BareUrls.emit(run.toString(), sink);
        }
        return last;
    }

    /** Leaves {@code node} and its finished ancestors; returns the next node to enter, or null at the end. */
    private Node leaveUntilNextSibling(Node node, Node root) {
        Node current = node;
        while (current != root) {
            leave(current);
            if (current.getNext() != null) {
                return current.getNext();
            }
            current = current.getParent();
        }
        return null;
    }
}
