package dev.postwright.render.internal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * A block's inline Markdown as runs of one Word paragraph: bold, italic, code, real hyperlinks,
 * pictures. Raw HTML is written as the text it is, as the preview shows it: nothing in a Word
 * document runs.
 */
final class DocxInlines extends AbstractVisitor {
    private final XWPFParagraph paragraph;
    private final DocxPictures pictures;
    private boolean bold;
    private boolean italic;
    private String link;

    private DocxInlines(XWPFParagraph paragraph, DocxPictures pictures) {
        this.paragraph = paragraph;
        this.pictures = pictures;
    }

    /** Writes the inline children of {@code block} into {@code paragraph}. */
    static void write(Node block, XWPFParagraph paragraph, DocxPictures pictures) {
        new DocxInlines(paragraph, pictures).visitChildren(block);
    }

    @Override
    public void visit(Text text) {
        run(text.getLiteral(), false);
    }

    @Override
    public void visit(Code code) {
        run(code.getLiteral(), true);
    }

    @Override
    public void visit(HtmlInline html) {
        run(html.getLiteral(), false);
    }

    @Override
    public void visit(Emphasis emphasis) {
        boolean was = italic;
        italic = true;
        visitChildren(emphasis);
        italic = was;
    }

    @Override
    public void visit(StrongEmphasis strong) {
        boolean was = bold;
        bold = true;
        visitChildren(strong);
        bold = was;
    }

    @Override
    public void visit(Link node) {
        String was = link;
        if (link == null) link = DocxRuns.target(node.getDestination());
        visitChildren(node);
        link = was;
    }

    @Override
    public void visit(Image image) {
        pictures.place(paragraph, image.getDestination(), SafeMarkdown.plainText(image));
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
        run(" ", false);
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
        paragraph.createRun().addBreak();
    }

    private void run(String text, boolean code) {
        XWPFRun run = link != null ? DocxRuns.linked(paragraph, link, text) : DocxRuns.text(paragraph, text);
        if (run == null) return;
        if (bold) run.setBold(true);
        if (italic) run.setItalic(true);
        if (code) run.setStyle("InlineCode");
    }
}
