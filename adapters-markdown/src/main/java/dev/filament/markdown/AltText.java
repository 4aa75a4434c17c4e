package dev.filament.markdown;

import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The plain alt text of an image: the literal text of everything inside it, as CommonMark renders {@code alt}. */
final class AltText {

    private AltText() {
    }

    static String of(Image image) {
        StringBuilder alt = new StringBuilder();
        Node node = image.getFirstChild();
        while (node != null) {
            switch (node) {
                case Text text -> alt.append(text.getLiteral());
                case Code code -> alt.append(code.getLiteral());
                case SoftLineBreak soft -> alt.append('\n');
                case HardLineBreak hard -> alt.append('\n');
                default -> {
                    // other inlines only contribute the text inside them
                }
            }
            node = next(node, image);
        }
        return alt.toString();
    }

    /** Pre-order successor of {@code node} inside {@code root}, or null; iterative so nesting depth costs no stack. */
    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        Node current = node;
        while (current != root) {
            if (current.getNext() != null) {
                return current.getNext();
            }
            current = current.getParent();
        }
        return null;
    }
}
