package dev.postwright.seo.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Builds {@link PostText} from Markdown; table cells are prose. Code, raw HTML and block quotes are not the writer's prose and are left out; embed
 * placeholders ({@code [TWEET:0]}) are left out of the text, and so are image placeholders
 * ({@code ![IMAGE:kind:description]}): a suggestion is not an image, to a reader or to the checks.
 * Real images, the library's included ({@code postwright-image:ID}), count with their alt text.
 * Thread-safe: the parser is built once.
 */
public final class PostTexts {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), AutolinkExtension.create())).build();
    private static final Pattern EMBED = Pattern.compile("\\[(?:TWEET|ARTICLE|VIDEO):\\d+]");
    private static final Pattern IMAGE_PLACEHOLDER = Pattern.compile("!\\[(?:IMAGE|CHART):([^\\]]*)]");

    private PostTexts() {}

    /** What {@link #of} needs besides the Markdown. */
    public record Meta(String title, String metaDescription, String slug, String keyphrase, String siteHost,
                       int earlierUses) {}

    private static final Meta NO_META = new Meta(null, null, null, null, null, 0);

    /**
     * The words of {@code markdown}'s own prose, as the length check counts them: not its code,
     * URLs, image references, placeholders or block quotes (someone else's words). What the
     * library shows as a post's length.
     */
    public static int wordCount(String markdown) {
        return of(markdown, NO_META).wordCount();
    }

    public static PostText of(String markdown, Meta meta) {
        var collector = new Collector();
        PARSER.parse(markdown == null ? "" : markdown).accept(collector);
        collector.endSection();
        int syllables = 0;
        for (Sentence s : collector.sentences) for (String w : s.words()) syllables += Syllables.count(w);
        return new PostText(orEmpty(meta.title()), orEmpty(meta.metaDescription()), orEmpty(meta.slug()),
                Keyphrase.of(meta.keyphrase()), orEmpty(meta.siteHost()), meta.earlierUses(),
                List.copyOf(collector.paragraphs), List.copyOf(collector.headings),
                List.copyOf(collector.sections), List.copyOf(collector.sentences), List.copyOf(collector.images),
                List.copyOf(collector.links), collector.words, syllables);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Walks the document once, collecting blocks, sections, images and links. */
    private static final class Collector extends AbstractVisitor {
        final List<PostText.Paragraph> paragraphs = new ArrayList<>();
        final List<PostText.Heading> headings = new ArrayList<>();
        final List<Integer> sections = new ArrayList<>();
        final List<Sentence> sentences = new ArrayList<>();
        final List<PostText.Image> images = new ArrayList<>();
        final List<PostText.Link> links = new ArrayList<>();
        int words;
        private int sectionWords;
        private boolean sectionStarted;

        @Override
        public void visit(Heading heading) {
            String text = plainText(heading);
            if (heading.getLevel() > 1) endSection();
            headings.add(new PostText.Heading(heading.getLevel(), text));
        }

        @Override
        public void visit(Paragraph paragraph) {
            prose(paragraph); // a paragraph inside a list item is prose like any other
        }

        /** A table's cells are read as the reference analysis reads them: each one a piece of prose. */
        @Override
        public void visit(CustomNode node) {
            if (node instanceof TableCell cell) prose(cell);
            else visitChildren(node);
        }

        private void prose(Node block) {
            String text = plainText(block);
            List<Sentence> own = Sentences.of(text).stream().map(Sentence::of).toList();
            int count = Words.count(text);
            if (count == 0) return;
            paragraphs.add(new PostText.Paragraph(text, count, own));
            sentences.addAll(own);
            words += count;
            sectionWords += count;
            sectionStarted = true;
        }

        @Override
        public void visit(ListItem item) {
            visitChildren(item);
        }

        /**
         * A quote is someone else's words (a tweet or an article embedded as one, a cited passage):
         * not the writer's prose, so neither its words nor its links count, as in the reference analysis.
         */
        @Override
        public void visit(BlockQuote quote) {}

        @Override
        public void visit(FencedCodeBlock code) {}

        @Override
        public void visit(IndentedCodeBlock code) {}

        @Override
        public void visit(HtmlBlock html) {}

        void endSection() {
            if (sectionStarted || sectionWords > 0) sections.add(sectionWords);
            sectionWords = 0;
            sectionStarted = false;
        }

        /** The visible text of a block; images and links are recorded on the way. */
        private String plainText(Node block) {
            var out = new StringBuilder();
            appendText(block, out);
            String text = out.toString();
            // A placeholder is a suggestion, not a picture: a reader sees no image, so neither do the checks.
            text = IMAGE_PLACEHOLDER.matcher(text).replaceAll(" ");
            return EMBED.matcher(text).replaceAll(" ").strip();
        }

        private void appendText(Node node, StringBuilder out) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                switch (child) {
                    case Text t -> out.append(t.getLiteral());
                    case Code c -> out.append(c.getLiteral());
                    case SoftLineBreak s -> out.append(' ');
                    case HardLineBreak h -> out.append(' ');
                    case HtmlInline h -> { }
                    case Image image -> {
                        var alt = new StringBuilder();
                        appendText(image, alt);
                        images.add(new PostText.Image(alt.toString().strip(), image.getDestination()));
                    }
                    case Link link -> {
                        var anchor = new StringBuilder();
                        appendText(link, anchor);
                        links.add(new PostText.Link(link.getDestination(), anchor.toString().strip()));
                        out.append(anchor);
                    }
                    default -> appendText(child, out);
                }
            }
        }
    }
}
