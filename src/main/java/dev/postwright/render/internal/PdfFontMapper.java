package dev.postwright.render.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Where PDFBox looks for a font a PDF names but does not embed: the shipped DejaVu Sans, always.
 * openhtmltopdf names Helvetica and ZapfDingbats for form fields (a post has none; every glyph
 * drawn is in an embedded DejaVu subset), and PDFBox's own mapper would scan the computer's fonts
 * for them and keep a cache file in the home folder, a second or more on the first export. PDFBox
 * has one mapper for the whole JVM, and Postwright draws no other PDFs.
 */
public final class PdfFontMapper implements FontMapper {
    private final TrueTypeFont font;

    private PdfFontMapper(TrueTypeFont font) {
        this.font = font;
    }

    /** Installs it; idempotent. */
    public static synchronized void install() {
        if (FontMappers.instance() instanceof PdfFontMapper) return;
        try (InputStream in = PdfFonts.open(PdfFonts.REGULAR)) {
            FontMappers.set(new PdfFontMapper(new TTFParser().parse(new RandomAccessReadBuffer(in))));
        } catch (IOException e) {
            throw new UncheckedIOException("The shipped DejaVu Sans cannot be read", e);
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font, false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font, false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo systemInfo) {
        return new CIDFontMapping(null, font, false);
    }
}
