package dev.postwright.render.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Finds placeholders in paragraph text (commonmark leaves them as literal text: no destination
 * follows the brackets) and lifts each into a block of its own, splitting the paragraph around
 * it, so cards never end up inside a {@code <p>}. Text in code spans and code blocks is not
 * {@link Text}, so placeholders written there stay as written.
 */
final class PlaceholderPostProcessor implements PostProcessor {
    static final Pattern PLACEHOLDER = Pattern.compile(
            "\\[(TWEET|ARTICLE|VIDEO):(\\d{1,4})]|!\\[(IMAGE|CHART):(?:([^\\]:\\n]*):)?([^\\]\\n]*)]");

    @Override
    public Node process(Node document) {
        List<Paragraph> paragraphs = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                paragraphs.add(paragraph);
            }
        });
        for (Paragraph p : paragraphs) {
            if (containsPlaceholder(p)) split(p);
        }
        return document;
    }

    private static boolean containsPlaceholder(Paragraph p) {
        for (Node child = p.getFirstChild(); child != null; child = child.getNext()) {
            // A placeholder needs "[" and ":", cheap to look for before running the pattern.
            if (child instanceof Text t && t.getLiteral().indexOf('[') >= 0 && t.getLiteral().indexOf(':') >= 0
                    && PLACEHOLDER.matcher(t.getLiteral()).find()) {
                return true;
            }
        }
        return false;
    }

    /** Replaces {@code original} by paragraphs of its other content with the placeholder blocks between. */
    private static void split(Paragraph original) {
        Paragraph current = new Paragraph();
        Node child = original.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (child instanceof Text text) {
                Matcher m = PLACEHOLDER.matcher(text.getLiteral());
                int at = 0;
                while (m.find()) {
                    appendText(current, text.getLiteral().substring(at, m.start()));
                    current = flush(current, original);
                    original.insertBefore(block(m));
                    at = m.end();
                }
                appendText(current, text.getLiteral().substring(at));
            } else {
                current.appendChild(child); // moves it out of the original
            }
            child = next;
        }
        flush(current, original);
        original.unlink();
    }

    private static Node block(Matcher m) {
        if (m.group(1) != null) {
            return new EmbedBlock(EmbedBlock.Kind.valueOf(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return new VisualPlaceholder(m.group(3).toLowerCase(Locale.ROOT), m.group(5).strip());
    }

    private static void appendText(Paragraph p, String literal) {
        if (!literal.isEmpty()) p.appendChild(new Text(literal));
    }

    /** Inserts {@code p} before {@code original} if it holds anything visible; returns a fresh paragraph. */
    private static Paragraph flush(Paragraph p, Paragraph original) {
        if (hasVisibleContent(p)) original.insertBefore(p);
        return new Paragraph();
    }

    private static boolean hasVisibleContent(Paragraph p) {
        for (Node child = p.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof Text t) || !t.getLiteral().isBlank()) {
                if (!(child instanceof org.commonmark.node.SoftLineBreak)) return true;
            }
        }
        return false;
    }
}
