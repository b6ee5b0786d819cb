package dev.postwright.render.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * A new Word document with Postwright's styles ({@code docx-styles.xml}: Word's built-in names,
 * headings with outline levels), an A4 page with one-inch margins, and the post's core
 * properties. One per export; not thread-safe.
 */
public final class DocxDocument {
    /** The width text runs in, in twentieths of a point: A4 (11,906) less two 1,440 margins. */
    static final int TEXT_WIDTH_TWIPS = 11_906 - 2 * 1_440;
    private static final CTStyles STYLES = loadStyles();

    private final XWPFDocument document = new XWPFDocument();

    public DocxDocument() {
        document.createStyles().setStyles((CTStyles) STYLES.copy());
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11_906));
        size.setH(BigInteger.valueOf(16_838));
        CTPageMar margins = section.addNewPgMar();
        BigInteger inch = BigInteger.valueOf(1_440);
        margins.setTop(inch);
        margins.setBottom(inch);
        margins.setLeft(inch);
        margins.setRight(inch);
        margins.setHeader(BigInteger.valueOf(720));
        margins.setFooter(BigInteger.valueOf(720));
    }

    public XWPFDocument document() {
        return document;
    }

    /** Title, description and keywords as Word's File ▸ Info shows them; null or blank leaves one out. */
    public void properties(String title, String description, List<String> keywords) {
        POIXMLProperties.CoreProperties core = document.getProperties().getCoreProperties();
        if (title != null && !title.isBlank()) core.setTitle(DocxText.clean(title.strip()));
        if (description != null && !description.isBlank()) core.setDescription(DocxText.clean(description.strip()));
        if (!keywords.isEmpty()) core.setKeywords(DocxText.clean(String.join(", ", keywords)));
        core.setCreator("Postwright");
    }

    /** The document as the bytes of a .docx file. */
    public byte[] bytes() {
        try (document; var out = new ByteArrayOutputStream(64 * 1024)) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The Word document could not be assembled", e);
        }
    }

    private static CTStyles loadStyles() {
        try (InputStream in = DocxDocument.class.getResourceAsStream("docx-styles.xml")) {
            if (in == null) throw new IllegalStateException("docx-styles.xml is missing from the build");
            return StylesDocument.Factory.parse(in).getStyles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XmlException e) {
            throw new IllegalStateException("docx-styles.xml is not valid", e);
        }
    }
}
