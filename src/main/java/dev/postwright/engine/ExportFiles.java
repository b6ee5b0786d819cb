package dev.postwright.engine;

import dev.postwright.render.ExportFormat;
import dev.postwright.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Writes an export to disk: the window's Export… and {@code generate --out} both come here. */
public final class ExportFiles {
    private ExportFiles() {}

    /**
     * Writes the export's images beside {@code file}, each whole, then the file itself, so the
     * file never links to an image not yet written. A failure never leaves half a file.
     */
    public static void write(ExportFormat.Export export, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        for (var image : export.images().entrySet()) {
            AtomicFiles.writeBytes(folder.resolve(image.getKey()), image.getValue());
        }
        AtomicFiles.writeString(file, export.text());
    }
}
