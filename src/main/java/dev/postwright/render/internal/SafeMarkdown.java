package dev.postwright.render.internal;

import dev.postwright.model.WebUrls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown that a site's own Markdown renderer can publish without running anything in it, with
 * the post's Markdown otherwise as written. Raw HTML (inline tags and HTML blocks) gets its
 * {@code <} backslash-escaped, so it shows as text; a link or image whose address is not a web,
 * mail or relative one ({@code javascript:}, {@code data:}…) is replaced by its text; and
 * bidirectional controls are removed from links. The text is parsed as plain CommonMark and as
 * GFM (tables), since sites use either, and again after every change, because escaping one
 * construct can turn its neighbours into others; it ends when both parsers find nothing left.
 * Stateless; thread-safe.
 */
public final class SafeMarkdown {
    private static final List<Parser> PARSERS = List.of(
            Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build(),
            Parser.builder().extensions(List.of(TablesExtension.create()))
                    .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build());

    private SafeMarkdown() {}

    /**
     * {@code markdown} made safe as above; an HTML block whose literal (without its line end)
     * {@code keptBlock} accepts stays raw: the caller vouches that it is inert, like a comment.
     */
    public static String of(String markdown, Predicate<String> keptBlock) {
        String text = markdown;
        // Each pass escapes at least one "<" or "[" that was unescaped, so this ends; the bound is a guard.
        for (int pass = 0; pass <= markdown.length(); pass++) {
            boolean changed = false;
            for (Parser parser : PARSERS) {
                List<Edit> edits = edits(text, parser.parse(text), keptBlock);
                if (!edits.isEmpty()) {
                    text = apply(text, edits);
                    changed = true;
                }
            }
            if (!changed) return text;
        }
        throw new IllegalStateException("Markdown did not settle while escaping raw HTML");
    }

    /** Replace {@code [start, end)} of the text with {@code replacement}. */
    private record Edit(int start, int end, String replacement) {}

    private static List<Edit> edits(String text, Node document, Predicate<String> keptBlock) {
        var edits = new ArrayList<Edit>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                if (!keptBlock.test(block.getLiteral().stripTrailing())) escapeTags(text, block, edits);
            }

            @Override
            public void visit(HtmlInline html) {
                escapeTags(text, html, edits);
            }

            @Override
            public void visit(Link link) {
                if (!link(text, link, SafeUrls.isSafeLink(link.getDestination()), edits)) {
                    visitChildren(link);
                }
            }

            @Override
            public void visit(Image image) {
                if (!link(text, image, SafeUrls.isSafeImage(image.getDestination()), edits)) {
                    visitChildren(image);
                }
            }
        });
        return edits;
    }

    /** Backslash-escapes every unescaped "<" in the node's source. */
    private static void escapeTags(String text, Node node, List<Edit> edits) {
        for (SourceSpan span : node.getSourceSpans()) {
            int end = span.getInputIndex() + span.getLength();
            for (int i = span.getInputIndex(); i < end; i++) {
                if (text.charAt(i) == '<' && !isEscaped(text, i)) edits.add(new Edit(i, i, "\\"));
            }
        }
    }

    /**
     * A link the sanitizer refuses becomes its text; one with bidirectional controls loses them.
     * True when the node was replaced (its children need no visit).
     */
    private static boolean link(String text, Node node, boolean safe, List<Edit> edits) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) return false;
        if (!safe) {
            SourceSpan first = spans.getFirst();
            SourceSpan last = spans.getLast();
            edits.add(new Edit(first.getInputIndex(), last.getInputIndex() + last.getLength(), escaped(plainText(node))));
            return true;
        }
        for (SourceSpan span : spans) {
            for (int i = span.getInputIndex(); i < span.getInputIndex() + span.getLength(); i++) {
                if (WebUrls.isBidiControl(text.charAt(i))) edits.add(new Edit(i, i + 1, ""));
            }
        }
        return false;
    }

    /** The words of {@code node} without their formatting: its text and code, joined. */
    static String plainText(Node node) {
        var out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                out.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString();
    }

    /** Text with everything Markdown could read as syntax backslash-escaped. */
    private static String escaped(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>!&#|~])", "\\\\$1").replace("\n", " ");
    }

    private static boolean isEscaped(String text, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }

    /** Applies edits from the end, so earlier offsets stay valid; an edit inside a replaced range is dropped. */
    private static String apply(String text, List<Edit> edits) {
        var sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).reversed());
        var out = new StringBuilder(text);
        int floor = Integer.MAX_VALUE;
        for (Edit e : sorted) {
            if (e.end() > floor) continue;
            out.replace(e.start(), e.end(), e.replacement());
            floor = e.start();
        }
        return out.toString();
    }
}
