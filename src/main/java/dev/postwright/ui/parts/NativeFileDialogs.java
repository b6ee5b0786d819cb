package dev.postwright.ui.parts;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link FileDialogs} with JavaFX's native choosers, owned by the main window. */
public final class NativeFileDialogs implements FileDialogs {
    private final Supplier<Window> owner;
    private File lastFolder;

    public NativeFileDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName, List<FileType> types) {
        var chooser = chooser(title, types);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> openFile(String title, List<FileType> types) {
        return remember(chooser(title, types).showOpenDialog(owner.get()));
    }

    private FileChooser chooser(String title, List<FileType> types) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileType type : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.description() + " (*."
                    + type.extension() + ")", "*." + type.extension()));
        }
        if (lastFolder != null) chooser.setInitialDirectory(lastFolder);
        return chooser;
    }

    @Override
    public Optional<Path> folder(String title, Path initial) {
        var chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initial != null && Files.isDirectory(initial)) chooser.setInitialDirectory(initial.toFile());
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    private Optional<Path> remember(File chosen) {
        if (chosen == null) return Optional.empty();
        lastFolder = chosen.getParentFile();
        return Optional.of(chosen.toPath());
    }
}
