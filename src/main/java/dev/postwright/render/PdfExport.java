package dev.postwright.render;

import dev.postwright.model.BlogPost;
import dev.postwright.render.internal.PdfFontMapper;
import dev.postwright.render.internal.PdfFonts;
import dev.postwright.render.internal.PdfLog;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * A post as a PDF (through openhtmltopdf and PDFBox), laid out from the same safe HTML as the
 * preview and the HTML export ({@link PreviewDocument#printHtml}: its body, its policy, a paper
 * stylesheet): A4 pages numbered "page n of m", the shipped DejaVu fonts embedded (subsets),
 * the library's pictures, links that can be clicked, and the post's title, description and
 * keywords as the document's properties. Nothing is fetched: the only resources a page may load
 * are the {@code data:} pictures the renderer put in it, and HTML has no script to run. Stateless;
 * thread-safe (each export lays out its own document).
 */
public final class PdfExport {
    static {
        PdfLog.install();
        PdfFontMapper.install();
    }

    private PdfExport() {}

    /** The .pdf file's bytes; {@code renderer} draws the post and finds its images. */
    public static byte[] export(BlogPost post, PostRenderer renderer) {
        String html = new PreviewDocument(renderer).printHtml(post);
        // openhtmltopdf reads XML; jsoup parses the HTML as a browser would and hands over its tree.
        var document = new W3CDom().fromJsoup(Jsoup.parse(html));
        var out = new ByteArrayOutputStream(128 * 1024);
        var builder = new PdfRendererBuilder()
                .withW3cDocument(document, null)
                .useExternalResourceAccessControl(PdfExport::mayLoad, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl(PdfExport::mayLoad, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withProducer("Postwright")
                // Tagged for screen readers (PDF/UA: structure, alt texts, language), which also
                // leaves out the PDF's standard fonts: no text can fall back to one not embedded.
                .usePdfUaAccessibility(true)
                .toStream(out);
        PdfFonts.register(builder);
        try (var pdf = builder.buildPdfRenderer()) {
            pdf.layout();
            pdf.createPDFWithoutClosing();
            PDDocumentInformation info = pdf.getPdfDocument().getDocumentInformation();
            if (post.title() != null && !post.title().isBlank()) info.setTitle(post.title().strip());
            if (post.metaDescription() != null && !post.metaDescription().isBlank()) {
                info.setSubject(post.metaDescription().strip());
            }
            List<String> keywords = PostKeywords.of(post);
            if (!keywords.isEmpty()) info.setKeywords(String.join(", ", keywords));
            pdf.getPdfDocument().save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be laid out", e);
        }
        return out.toByteArray();
    }

    /** Only the pictures the renderer embedded: no request leaves the computer while a PDF is made. */
    private static boolean mayLoad(String uri, ExternalResourceType type) {
        return type == ExternalResourceType.IMAGE_RASTER && uri != null
                && uri.toLowerCase(Locale.ROOT).startsWith("data:image/");
    }
}
