package dev.postwright.ui.settings;

import dev.postwright.llm.builtin.Bytes;
import dev.postwright.llm.builtin.download.CuratedModel;
import dev.postwright.llm.builtin.download.DownloadStop;
import dev.postwright.llm.builtin.download.ModelDownload.Outcome;
import dev.postwright.llm.builtin.download.ModelDownload;
import dev.postwright.llm.builtin.download.ModelFolder;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The models Postwright offers to download, under "Built-in model": each one's size, licence and
 * what it is good for, and its download, which can be paused (the part file is kept) and resumed
 * where it stopped, even after a restart. A downloaded model can be used (it becomes the chosen
 * file; Save makes it the writer) or removed, unless it is the model writing now. Downloads run on
 * the background executor, one per model; properties change on the FX thread.
 */
public final class ModelDownloadsForm {
    /** Where a model's download stands. */
    public enum Status {
        /** Nothing is on disk yet, or a failed download left nothing to resume. */
        NOT_DOWNLOADED,
        /** Part of the file is on disk: paused, dropped, or stopped when the app closed. */
        PAUSED,
        DOWNLOADING,
        /** The verified file is in the models folder. */
        INSTALLED
    }

    /** One curated model and its download. */
    public static final class Row {
        private final CuratedModel model;
        private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.NOT_DOWNLOADED);
        private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
        private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper();
        private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
        /** The running download's stop; a new one for each run. */
        private volatile DownloadStop stop = new DownloadStop();

        private Row(CuratedModel model) {
            this.model = model;
        }

        public CuratedModel model() { return model; }
        public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
        /** "312 MB of 1.1 GB · 8.4 MB/s", "Paused at 312 MB of 1.1 GB", why it failed, or empty. */
        public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
        /** Whether {@link #progressProperty()} says why the last download failed. */
        public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
        /** How much of the file is here, 0 to 1. */
        public ReadOnlyDoubleProperty fractionProperty() { return fraction.getReadOnlyProperty(); }

        /** "1.1 GB · Apache 2.0 · Good for …". */
        public String facts() {
            return Bytes.describe(model.sizeBytes()) + " · " + model.licence() + " · " + model.goodFor();
        }
    }

    private final List<Row> rows;
    private final ModelDownload download;
    private final ModelFolder folder;
    private final FxTasks tasks;
    private final SettingsStatus status;
    private final Consumer<Path> use;
    private final Predicate<Path> writingNow;

    /**
     * @param models     the models offered ({@link dev.postwright.llm.builtin.download.CuratedModels#all()})
     * @param use        makes a downloaded file the chosen one, on the FX thread
     * @param writingNow whether a file is the saved writer's model, which must not be removed
     */
    ModelDownloadsForm(List<CuratedModel> models, ModelDownload download, ModelFolder folder, FxTasks tasks,
                       SettingsStatus status, Consumer<Path> use, Predicate<Path> writingNow) {
        this.rows = models.stream().map(Row::new).toList();
        this.download = download;
        this.folder = folder;
        this.tasks = tasks;
        this.status = status;
        this.use = use;
        this.writingNow = writingNow;
        rows.forEach(this::lookOnDisk);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Starts or resumes {@code row}'s download; it runs until installed, paused or failed. */
    public void download(Row row) {
        if (row.status.get() == Status.DOWNLOADING || row.status.get() == Status.INSTALLED) return;
        var stop = new DownloadStop();
        row.stop = stop;
        row.status.set(Status.DOWNLOADING);
        row.failed.set(false);
        row.progress.set("Starting…");
        tasks.execute(BackgroundTask.call(() -> download.run(row.model,
                p -> tasks.frames().nextFrame(() -> {
                    if (row.status.get() != Status.DOWNLOADING) return;
                    row.progress.set(p.words());
                    row.fraction.set(p.fraction());
                }),
                stop)).onSuccess(outcome -> finished(row, outcome)).onFailure(e -> {
            row.status.set(Status.NOT_DOWNLOADED);
            row.progress.set(e.getMessage());
            lookOnDisk(row);
        }));
    }

    /** Pauses {@code row}'s download at once; the bytes so far are kept. */
    public void pause(Row row) {
        row.stop.ask();
    }

    /** Stops every download (the app is closing); each keeps its bytes to resume at the next start. */
    public void stopAll() {
        rows.forEach(r -> r.stop.ask());
    }

    /** Makes the downloaded model the chosen file; Save settings makes it the writer. */
    public void use(Row row) {
        if (row.status.get() != Status.INSTALLED) return;
        use.accept(folder.path(row.model));
        status.say(row.model.displayName() + " is chosen. Save settings to write with it.");
    }

    /** Deletes the model and any part of it, unless it is the model writing now. */
    public void remove(Row row) {
        if (row.status.get() == Status.DOWNLOADING) return;
        Path file = folder.path(row.model);
        if (writingNow.test(file)) {
            status.say(row.model.displayName() + " is writing now. Choose another writer and save before removing it.");
            return;
        }
        tasks.execute(BackgroundTask.call(() -> folder.remove(row.model)).onSuccess(removed -> {
            row.status.set(Status.NOT_DOWNLOADED);
            row.progress.set("");
            row.fraction.set(0);
            status.say(removed ? "Removed " + row.model.displayName() + " from " + folder.folder() + "."
                    : "There was nothing of " + row.model.displayName() + " to remove.");
        }).onFailure(e -> status.say("Could not remove " + row.model.displayName() + ": " + e.getMessage())));
    }

    private void finished(Row row, Outcome outcome) {
        switch (outcome) {
            case Outcome.Installed i -> {
                row.status.set(Status.INSTALLED);
                row.fraction.set(1);
                row.progress.set("Downloaded and checked: " + i.file());
            }
            case Outcome.Stopped s -> {
                row.status.set(Status.PAUSED);
                row.progress.set("Paused at " + Bytes.describe(s.bytesKept()) + " of "
                        + Bytes.describe(row.model.sizeBytes()) + ".");
            }
            case Outcome.Failed f -> {
                row.status.set(Status.NOT_DOWNLOADED);
                row.failed.set(true);
                row.progress.set(f.sentence());
                lookOnDisk(row); // paused when bytes were kept to resume from
            }
        }
    }

    /** Sets a row's status from what the models folder holds (read off the FX thread); a message already shown stays. */
    private void lookOnDisk(Row row) {
        tasks.execute(BackgroundTask.call(() -> folder.isInstalled(row.model) ? -1L
                : folder.partialBytes(row.model)).onSuccess(bytes -> {
            if (row.status.get() == Status.DOWNLOADING) return;
            if (bytes < 0) {
                row.status.set(Status.INSTALLED);
                row.fraction.set(1);
                row.progress.set("Downloaded: " + folder.path(row.model));
            } else {
                row.status.set(bytes > 0 ? Status.PAUSED : Status.NOT_DOWNLOADED);
                row.fraction.set(Math.min(1, (double) bytes / row.model.sizeBytes()));
                if (bytes > 0 && row.progress.get().isEmpty()) {
                    row.progress.set("Paused at " + Bytes.describe(bytes) + " of "
                            + Bytes.describe(row.model.sizeBytes()) + ".");
                }
            }
        }).onFailure(e -> row.progress.set(e.getMessage())));
    }
}
