package dev.postwright.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF read back with PDFBox: its text, links, fonts and pictures, as a reader would find them. */
class PdfExportTest {
    private static PDDocument open(byte[] bytes) throws IOException {
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        return Loader.loadPDF(bytes);
    }

    private static byte[] sample() {
        return PdfExport.export(ExportSamples.POST, new PostRenderer(ExportSamples.LIBRARY));
    }

    @Test
    void theTextReadsInOrderWithPageNumbers() throws IOException {
        try (PDDocument pdf = open(sample())) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(pdf);
            assertThat(text).containsSubsequence("A patient guide", "Sourdough at home", "Bake with patience, care and "
                    + "flour", "The starter", "Flour", "Good bread takes time.", "Step", "Rest", "Feed it <daily>",
                    "Bread boom", "Baking day", "ünïcödé — Ελληνικά — Кириллица");
            int pages = pdf.getNumberOfPages();
            assertThat(text).contains("page 1 of " + pages).contains("page " + pages + " of " + pages);
        }
    }

    @Test
    void thePrintDocumentIsTheHtmlExportWithAPaperStylesheet() {
        var document = new PreviewDocument(new PostRenderer());
        String export = document.exportHtml(ExportSamples.HOSTILE);
        String print = document.printHtml(ExportSamples.HOSTILE);
        assertThat(print).contains("Content-Security-Policy", "@page", "counter(pages)").doesNotContain("var(--");
        assertThat(print.substring(print.indexOf("</style>"))).isEqualTo(export.substring(export.indexOf("</style>")));
        assertThat(dev.postwright.testing.ScriptVectors.in(print)).isEmpty();
    }

    @Test
    void linksAreClickableAnnotationsWithTheirAddresses() throws IOException {
        try (PDDocument pdf = open(sample())) {
            assertThat(uris(pdf)).contains("https://crumb.example/guide", "https://x.com/ann/1", "https://news.example/a");
        }
    }

    @Test
    void everyFontIsEmbeddedAndTheLibraryImageIsDrawn() throws IOException {
        try (PDDocument pdf = open(sample())) {
            List<String> fonts = new ArrayList<>();
            int images = 0;
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
                }
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images++;
                        assertThat(image.getWidth()).isEqualTo(320);
                        assertThat(image.getHeight()).isEqualTo(180);
                    }
                }
            }
            assertThat(fonts).anySatisfy(f -> assertThat(f).contains("DejaVuSans"))
                    .anySatisfy(f -> assertThat(f).contains("DejaVuSans-Bold"))
                    .anySatisfy(f -> assertThat(f).contains("DejaVuSansMono"));
            assertThat(images).isEqualTo(1);
        }
    }

    @Test
    void thePropertiesCarryTitleDescriptionAndKeywords() throws IOException {
        try (PDDocument pdf = open(sample())) {
            var info = pdf.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Sourdough at home");
            assertThat(info.getSubject()).isEqualTo("How to keep a starter and bake a loaf.");
            assertThat(info.getKeywords()).isEqualTo("sourdough, baking, bread");
            assertThat(info.getProducer()).isEqualTo("Postwright");
        }
    }

    @Test
    void scriptAndScriptLinksStayText() throws IOException {
        try (PDDocument pdf = open(PdfExport.export(ExportSamples.HOSTILE, new PostRenderer()))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("<script>alert(1)</script> Rye", "<script>alert(3)</script>");
            assertThat(uris(pdf)).noneMatch(u -> u.toLowerCase().contains("javascript") || u.startsWith("data:"));
            assertThat(pdf.getDocumentCatalog().getOpenAction()).isNull();
            assertThat(pdf.getDocumentCatalog().getNames() == null
                    || pdf.getDocumentCatalog().getNames().getJavaScript() == null).isTrue();
            for (PDPage page : pdf.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link) {
                        assertThat(link.getAction()).isNotInstanceOf(PDActionJavaScript.class);
                    }
                }
            }
        }
    }

    @Test
    void aPictureThePdfCannotDecodeIsLeftOutAndTheRestIsWritten() throws IOException {
        // A 1x1 lossless WebP: the JDK has no decoder for it.
        byte[] webp = java.util.HexFormat.of().parseHex("524946461a000000574542505650384c0d0000002f0000001007101111888"
                + "8fe0700");
        ImageSources library = id -> java.util.Optional.of(new ImageSources.ImageData(webp, "image/webp", "ffeeddccbbaa"));
        byte[] bytes = PdfExport.export(ExportSamples.POST.withContent("Before.\n\n![A loaf](postwright-image:img-1)"
                + "\n\nAfter."), new PostRenderer(library));
        try (PDDocument pdf = open(bytes)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Before.", "After.");
        }
    }

    private static List<String> uris(PDDocument pdf) throws IOException {
        List<String> uris = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                    uris.add(uri.getURI());
                }
            }
        }
        return uris;
    }
}
