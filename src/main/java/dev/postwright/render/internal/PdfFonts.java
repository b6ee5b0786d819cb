package dev.postwright.render.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts a PDF is set in: DejaVu Sans (regular, bold, oblique, bold oblique) and DejaVu Sans
 * Mono, shipped in the app (Bitstream Vera licence, {@code fonts/LICENSE-DejaVu.txt}), embedded
 * as subsets. They cover Latin, Greek and Cyrillic, which the PDF's standard fonts do not; the
 * print stylesheet names no other family, so nothing falls back to a font that is not embedded.
 * The regular face is the one the offline image maker ships, read from its folder.
 */
public final class PdfFonts {
    public static final String SANS = "DejaVu Sans";
    public static final String MONO = "DejaVu Sans Mono";
    static final String REGULAR = "/dev/postwright/images/fonts/DejaVuSans.ttf";

    private PdfFonts() {}

    public static void register(PdfRendererBuilder builder) {
        builder.useFont(() -> open(REGULAR), SANS, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> open("/dev/postwright/render/fonts/DejaVuSans-Bold.ttf"), SANS, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> open("/dev/postwright/render/fonts/DejaVuSans-Oblique.ttf"), SANS, 400, FontStyle.ITALIC,
                true);
        builder.useFont(() -> open("/dev/postwright/render/fonts/DejaVuSans-BoldOblique.ttf"), SANS, 700,
                FontStyle.ITALIC, true);
        builder.useFont(() -> open("/dev/postwright/render/fonts/DejaVuSansMono.ttf"), MONO, 400, FontStyle.NORMAL, true);
    }

    static InputStream open(String resource) {
        InputStream in = PdfFonts.class.getResourceAsStream(resource);
        if (in == null) throw new UncheckedIOException(new FileNotFoundException(resource + " is missing from the build"));
        return in;
    }
}
