package dev.postwright.seo.fix;

import dev.postwright.seo.text.PostText;
import dev.postwright.seo.text.PostTexts;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The body's top-level paragraphs and headings with where their Markdown is, so that a fix can
 * replace one of them and nothing else. Block quotes, lists, tables and code are not among them:
 * a fix never rewrites someone else's words or code. Thread-safe.
 */
final class Blocks {
    private static final PostTexts.Meta NO_META = new PostTexts.Meta(null, null, null, null, null, 0);
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private Blocks() {}

    /** A block: a heading's level, 0 for a paragraph, and its Markdown as a span of the body. */
    record Block(int level, Span span) {
        boolean isParagraph() {
            return level == 0;
        }

        /** The block as the analysis reads it: its sentences and word count. */
        PostText text() {
            return PostTexts.of(span.text(), NO_META);
        }
    }

    static List<Block> of(String markdown) {
        List<Block> blocks = new ArrayList<>();
        for (Node node = PARSER.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (spans.isEmpty()) continue;
            int start = spans.getFirst().getInputIndex();
            int end = spans.getLast().getInputIndex() + spans.getLast().getLength();
            if (node instanceof Paragraph) {
                blocks.add(new Block(0, new Span(Part.PARAGRAPH, start, end, markdown.substring(start, end))));
            } else if (node instanceof Heading heading) {
                blocks.add(new Block(heading.getLevel(), new Span(Part.HEADING, start, end, markdown.substring(start, end))));
            }
        }
        return blocks;
    }
}
