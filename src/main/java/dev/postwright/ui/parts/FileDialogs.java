package dev.postwright.ui.parts;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The operating system's file dialogs, behind a seam: the app uses JavaFX's choosers; headless
 * tests answer with a path, since a native dialog cannot be driven without a display.
 */
public interface FileDialogs {
    /** A kind of file a dialog offers, e.g. {@code ("Markdown", "md")}. */
    record FileType(String description, String extension) {}

    /** Where to save; {@code suggestedName} is offered. Empty when the writer cancels. */
    Optional<Path> saveFile(String title, String suggestedName, List<FileType> types);

    /** A file to open. Empty when the writer cancels. */
    Optional<Path> openFile(String title, List<FileType> types);

    /** A folder, starting at {@code initial} when it exists. */
    Optional<Path> folder(String title, Path initial);
}
