package dev.postwright.testing;

import dev.postwright.ui.parts.FileDialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * File dialogs answered by the test: each dialog takes the next queued path, or is cancelled
 * when none is queued. Native dialogs cannot be driven headless; everything after the choice
 * runs for real.
 */
public final class AnsweringFileDialogs implements FileDialogs {
    private final ConcurrentLinkedQueue<Path> answers = new ConcurrentLinkedQueue<>();

    public void answer(Path path) {
        answers.add(path);
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName, List<FileType> types) {
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> openFile(String title, List<FileType> types) {
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> folder(String title, Path initial) {
        return Optional.ofNullable(answers.poll());
    }
}
