package dev.postwright.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The .docx read back with POI, as Word would find it. */
class DocxExportTest {
    private XWPFDocument document;

    private XWPFDocument open(byte[] bytes) throws IOException {
        document = new XWPFDocument(new ByteArrayInputStream(bytes));
        return document;
    }

    @AfterEach
    void close() throws IOException {
        if (document != null) document.close();
    }

    private XWPFDocument sample() throws IOException {
        return open(DocxExport.export(ExportSamples.POST, new PostRenderer(ExportSamples.LIBRARY)));
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph \"" + text + "\" in " + texts(doc)));
    }

    private static List<String> texts(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }

    @Test
    void theTitleAndHeadingsUseWordsStylesWithOutlineLevels() throws IOException {
        XWPFDocument doc = sample();
        assertThat(doc.getParagraphs().getFirst().getText()).isEqualTo("Sourdough at home");
        assertThat(doc.getParagraphs().getFirst().getStyle()).isEqualTo("Title");
        assertThat(paragraph(doc, "A patient guide").getStyle()).isEqualTo("Subtitle");
        assertThat(paragraph(doc, "The starter").getStyle()).isEqualTo("Heading2");
        assertThat(paragraph(doc, "Baking day").getStyle()).isEqualTo("Heading3");
        // The navigation pane lists paragraphs by their style's outline level, and names styles by their built-in name.
        var heading2 = doc.getStyles().getStyle("Heading2");
        assertThat(heading2.getName()).isEqualTo("heading 2");
        assertThat(heading2.getCTStyle().getPPr().getOutlineLvl().getVal()).isEqualTo(1);
        assertThat(doc.getStyles().getStyle("Heading3").getCTStyle().getPPr().getOutlineLvl().getVal()).isEqualTo(2);
        // The body's opening H1 is the title: written once, not again as a heading.
        assertThat(texts(doc)).filteredOn(t -> t.equals("Sourdough at home")).hasSize(1);
    }

    @Test
    void inlineFormattingAndLinksAreRealRunsAndHyperlinks() throws IOException {
        XWPFDocument doc = sample();
        XWPFParagraph intro = paragraph(doc, "Bake with patience, care and flour; read the full guide.");
        assertThat(run(intro, "patience").isBold()).isTrue();
        assertThat(run(intro, "care").isItalic()).isTrue();
        assertThat(run(intro, "flour").getStyle()).isEqualTo("InlineCode");
        XWPFRun link = run(intro, "full guide");
        assertThat(link).isInstanceOf(XWPFHyperlinkRun.class);
        assertThat(((XWPFHyperlinkRun) link).getHyperlink(doc).getURL()).isEqualTo("https://crumb.example/guide");
        assertThat(link.getStyle()).isEqualTo("Hyperlink");
    }

    @Test
    void listsUseWordNumberingThatRestartsAndNests() throws IOException {
        XWPFDocument doc = sample();
        XWPFParagraph flour = paragraph(doc, "Flour");
        XWPFParagraph nested = paragraph(doc, "Warm, not hot");
        XWPFParagraph mix = paragraph(doc, "Mix");
        assertThat(flour.getNumFmt()).isEqualTo("bullet");
        assertThat(flour.getNumIlvl().intValue()).isZero();
        assertThat(nested.getNumFmt()).isEqualTo("bullet");
        assertThat(nested.getNumIlvl().intValue()).isEqualTo(1);
        assertThat(mix.getNumFmt()).isEqualTo("decimal");
        assertThat(mix.getNumLevelText()).isEqualTo("%1.");
        assertThat(paragraph(doc, "Wait a day").getNumID()).isEqualTo(mix.getNumID()).isNotEqualTo(flour.getNumID());
        assertThat(start(doc, mix)).isEqualTo(1);
    }

    @Test
    void aNumberedListStartsWhereTheMarkdownStartsIt() throws IOException {
        XWPFDocument doc = open(DocxExport.export(ExportSamples.POST.withContent("3. Three\n4. Four\n\nText.\n\n1. One"),
                new PostRenderer()));
        assertThat(start(doc, paragraph(doc, "Three"))).isEqualTo(3);
        assertThat(start(doc, paragraph(doc, "One"))).isEqualTo(1);
        assertThat(paragraph(doc, "One").getNumID()).isNotEqualTo(paragraph(doc, "Three").getNumID());
    }

    private static int start(XWPFDocument doc, XWPFParagraph item) {
        var numbering = doc.getNumbering();
        var definition = numbering.getAbstractNum(numbering.getAbstractNumID(item.getNumID())).getCTAbstractNum();
        return definition.getLvlArray(0).getStart().getVal().intValue();
    }

    @Test
    void theQuoteAndTheTableKeepTheirShape() throws IOException {
        XWPFDocument doc = sample();
        assertThat(paragraph(doc, "Good bread takes time.").getStyle()).isEqualTo("Quote");
        assertThat(doc.getTables()).hasSize(1);
        XWPFTable table = doc.getTables().getFirst();
        assertThat(table.getNumberOfRows()).isEqualTo(3);
        assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("Step");
        assertThat(table.getRow(0).isRepeatHeader()).isTrue();
        assertThat(table.getRow(0).getCell(1).getParagraphs().getFirst().getRuns().getFirst().isBold()).isTrue();
        assertThat(table.getRow(2).getCell(0).getText()).isEqualTo("Rest");
        assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("60");
        assertThat(table.getRow(2).getCell(1).getParagraphs().getFirst().getAlignment().name()).isEqualTo("RIGHT");
    }

    @Test
    void theLibraryImageIsEmbeddedWithItsAltText() throws IOException {
        XWPFDocument doc = sample();
        assertThat(doc.getAllPictures()).hasSize(1);
        assertThat(doc.getAllPictures().getFirst().getData()).isEqualTo(ExportSamples.PNG);
        XWPFRun run = doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                .filter(r -> !r.getEmbeddedPictures().isEmpty()).findFirst().orElseThrow();
        var inline = run.getCTR().getDrawingArray(0).getInlineArray(0);
        assertThat(inline.getDocPr().getDescr()).isEqualTo("A rye loaf on a board");
        assertThat(run.getEmbeddedPictures().getFirst().getDescription()).isEqualTo("A rye loaf on a board");
        // 320 x 180 pixels at 96 dpi: 3.33 inches wide, narrower than the text, so drawn at its own size.
        assertThat(inline.getExtent().getCx()).isEqualTo(320L * 9525);
        assertThat(inline.getExtent().getCy()).isEqualTo(180L * 9525);
    }

    @Test
    void embedsAreCardsWithTheirTextAndLinks() throws IOException {
        XWPFDocument doc = sample();
        XWPFParagraph tweet = paragraph(doc, "Feed it <daily>");
        assertThat(tweet.getStyle()).isEqualTo("Card");
        XWPFParagraph byline = paragraph(doc, "— Ann @ann · View post");
        assertThat(byline.getStyle()).isEqualTo("Card");
        assertThat(((XWPFHyperlinkRun) run(byline, "View post")).getHyperlink(doc).getURL()).isEqualTo("https://x.com/ann/1");
        XWPFParagraph article = paragraph(doc, "Bread boom");
        assertThat(article.getStyle()).isEqualTo("Card");
        assertThat(((XWPFHyperlinkRun) run(article, "Bread boom")).getHyperlink(doc).getURL())
                .isEqualTo("https://news.example/a");
        assertThat(paragraph(doc, "The Crumb · 2026-10-01").getStyle()).isEqualTo("Card");
        assertThat(paragraph(doc, "Why bakers are busy").getStyle()).isEqualTo("Card");
    }

    @Test
    void theDocumentPropertiesCarryTitleDescriptionAndKeywords() throws IOException {
        var core = sample().getProperties().getCoreProperties();
        assertThat(core.getTitle()).isEqualTo("Sourdough at home");
        assertThat(core.getDescription()).isEqualTo("How to keep a starter and bake a loaf.");
        assertThat(core.getKeywords()).isEqualTo("sourdough, baking, bread");
    }

    @Test
    void aPostWithoutAnH1GetsItsTitleAndTextBeyondLatin1Survives() throws IOException {
        XWPFDocument doc = open(DocxExport.export(ExportSamples.POST.withContent("Just text: Ελληνικά.\n\n## Part"),
                new PostRenderer()));
        assertThat(texts(doc)).startsWith("Sourdough at home", "A patient guide", "Just text: Ελληνικά.", "Part");
        assertThat(doc.getParagraphs().getFirst().getStyle()).isEqualTo("Title");
    }

    @Test
    void aMissingImageAndAMissingEmbedAreSaidInWords() throws IOException {
        XWPFDocument doc = open(DocxExport.export(ExportSamples.POST.withContent(
                "![Gone](postwright-image:img-9)\n\n[TWEET:7]"), new PostRenderer(ExportSamples.LIBRARY)));
        assertThat(doc.getAllPictures()).isEmpty();
        assertThat(texts(doc)).contains("[image not found: Gone]",
                "Missing tweet 8: the post refers to an embed that was not provided.");
    }

    @Test
    void scriptAndScriptLinksStayText() throws Exception {
        XWPFDocument doc = open(DocxExport.export(ExportSamples.HOSTILE, new PostRenderer()));
        // Shown as the words they are, as the preview shows them; a Word document runs none of it.
        assertThat(texts(doc)).contains("<script>alert(1)</script> Rye", "<div> <script>alert(3)</script> </div>",
                "<a href=\"javascript:alert(6)\">x</a>").anySatisfy(t -> assertThat(t).contains("and click and data"));
        for (PackagePart part : doc.getPackage().getParts()) {
            assertThat(part.getContentType()).doesNotContainIgnoringCase("macro").doesNotContainIgnoringCase("vba")
                    .doesNotContainIgnoringCase("html");
            if (part.isRelationshipPart()) continue;
            for (PackageRelationship relation : part.getRelationships()) {
                assertThat(relation.getTargetURI().toString()).doesNotContainIgnoringCase("javascript")
                        .doesNotStartWithIgnoringCase("data:");
                assertThat(relation.getRelationshipType()).doesNotEndWith("/aFChunk");
            }
        }
        assertThat(doc.getHyperlinks()).isEmpty();
        assertThat(doc.getAllPictures()).isEmpty();
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text) {
        return paragraph.getRuns().stream().filter(r -> text.equals(r.text())).findFirst()
                .orElseThrow(() -> new AssertionError("no run \"" + text + "\" in " + paragraph.getText()));
    }
}
