package dev.postwright.render.internal;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * A parsed post's blocks as Word paragraphs, in order: headings in Word's heading styles, lists
 * with Word's numbering, block quotes, code, tables, pictures and embed cards. One per export.
 */
public final class DocxBlocks extends AbstractVisitor {
    private final XWPFDocument document;
    private final DocxLists lists;
    private final DocxPictures pictures;
    private final DocxCards cards;
    /** The lists the current block is in, innermost first. */
    private final Deque<OpenList> open = new ArrayDeque<>();
    private int quoteDepth;

    /** A list being written; its item's first paragraph carries the number (or bullet). */
    private static final class OpenList {
        final BigInteger numbering;
        boolean itemStarts;

        OpenList(BigInteger numbering) {
            this.numbering = numbering;
        }
    }

    /** @param images a library image by its id, or empty when the library has none */
    public DocxBlocks(DocxDocument out, Function<String, Optional<LibraryPicture>> images) {
        this.document = out.document();
        this.lists = new DocxLists(document);
        this.pictures = new DocxPictures(images);
        this.cards = new DocxCards(this::paragraph);
    }

    /** Writes one block (and what it holds). */
    public void write(Node block) {
        block.accept(this);
    }

    /** A paragraph of {@code style} ("Title", "Subtitle") holding {@code text}. */
    public void styled(String style, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setStyle(style);
        DocxRuns.text(paragraph, text);
    }

    /** The heading that opens the post, written as the document's title. */
    public void title(Heading heading) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setStyle("Title");
        DocxInlines.write(heading, paragraph, pictures);
    }

    @Override
    public void visit(Heading heading) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setStyle("Heading" + Math.clamp(heading.getLevel(), 1, 6));
        DocxInlines.write(heading, paragraph, pictures);
    }

    @Override
    public void visit(Paragraph node) {
        XWPFParagraph paragraph = paragraph();
        if (node.getFirstChild() instanceof Image && node.getFirstChild() == node.getLastChild() && open.isEmpty()
                && quoteDepth == 0) {
            paragraph.setStyle("ImageParagraph");
        }
        DocxInlines.write(node, paragraph, pictures);
    }

    @Override
    public void visit(BulletList list) {
        list(list, false, 1);
    }

    @Override
    public void visit(OrderedList list) {
        Integer start = list.getMarkerStartNumber();
        list(list, true, start == null ? 1 : start);
    }

    private void list(Node list, boolean ordered, int start) {
        open.push(new OpenList(lists.newList(ordered, start)));
        visitChildren(list);
        open.pop();
    }

    @Override
    public void visit(ListItem item) {
        open.getFirst().itemStarts = true;
        visitChildren(item);
        open.getFirst().itemStarts = false;
    }

    @Override
    public void visit(BlockQuote quote) {
        quoteDepth++;
        visitChildren(quote);
        quoteDepth--;
    }

    @Override
    public void visit(FencedCodeBlock code) {
        code(code.getLiteral());
    }

    @Override
    public void visit(IndentedCodeBlock code) {
        code(code.getLiteral());
    }

    /** Raw HTML shows as the text it is, as in the preview: nothing in it is read as markup. */
    @Override
    public void visit(HtmlBlock html) {
        DocxRuns.text(paragraph(), html.getLiteral().strip());
    }

    @Override
    public void visit(ThematicBreak thematicBreak) {
        document.createParagraph().setBorderBottom(Borders.SINGLE);
    }

    @Override
    public void visit(CustomBlock block) {
        switch (block) {
            case TableBlock table -> DocxTables.write(table, document, pictures);
            case EmbedBlock embed -> card(() -> cards.embed(embed));
            case VisualPlaceholder visual -> card(() -> cards.visual(visual));
            default -> visitChildren(block);
        }
    }

    /** A card, then an empty line: Word joins the borders of neighbouring paragraphs of one style. */
    private void card(Runnable write) {
        write.run();
        document.createParagraph().setSpacingAfter(0);
    }

    private void code(String literal) {
        XWPFParagraph paragraph = paragraph();
        paragraph.setStyle("CodeBlock");
        String[] lines = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1).split("\n", -1)
                : literal.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = paragraph.createRun();
            if (i > 0) run.addBreak();
            run.setText(DocxText.clean(lines[i].replace("\t", "    ")));
        }
    }

    /** A new body paragraph, numbered or indented as the lists and quotes around it ask. */
    private XWPFParagraph paragraph() {
        XWPFParagraph paragraph = document.createParagraph();
        OpenList list = open.peekFirst();
        if (list != null) {
            paragraph.setStyle("ListParagraph");
            if (list.itemStarts) {
                paragraph.setNumID(list.numbering);
                paragraph.setNumILvl(BigInteger.valueOf(open.size() - 1L));
                list.itemStarts = false;
            } else {
                paragraph.setIndentationLeft(DocxLists.INDENT * open.size());
            }
        } else if (quoteDepth > 0) {
            paragraph.setStyle("Quote");
            if (quoteDepth > 1) paragraph.setIndentationLeft(480 * quoteDepth);
        }
        return paragraph;
    }
}
