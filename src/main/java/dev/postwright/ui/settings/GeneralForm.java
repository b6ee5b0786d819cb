package dev.postwright.ui.settings;

import dev.postwright.model.FieldProblem;
import dev.postwright.render.Theme;
import dev.postwright.settings.Settings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "This computer" part of Settings: how many jobs run at once, the theme, and the data
 * folder. The theme applies when saved; the other two at the next start, which {@link #later}
 * names. Plain values, no I/O. FX thread.
 */
public final class GeneralForm {
    public final IntegerProperty workers = new SimpleIntegerProperty(Settings.DEFAULTS.workers());
    public final BooleanProperty dark = new SimpleBooleanProperty();
    /** Blank for the platform's usual place. */
    public final StringProperty dataDir = new SimpleStringProperty("");

    private final Path dataDirInUse;
    private final int workersInUse;

    GeneralForm(Settings current, Path dataDirInUse, int workersInUse) {
        this.dataDirInUse = dataDirInUse;
        this.workersInUse = workersInUse;
        workers.set(current.workers());
        dark.set(current.theme() == Theme.DARK);
        dataDir.set(current.dataDir() == null ? "" : current.dataDir().toString());
    }

    /** {@code base} with this form's values. */
    Settings applyTo(Settings base) {
        return base.withWorkers(workers.get()).withTheme(dark.get() ? Theme.DARK : Theme.LIGHT)
                .withDataDir(dataDir.get().isBlank() ? null : Path.of(dataDir.get().strip()));
    }

    /** What of {@code saved} this run cannot use until it starts again, in words. */
    List<String> later(Settings saved) {
        List<String> later = new ArrayList<>();
        if (saved.workers() != workersInUse) later.add("the number of jobs at once");
        Path chosen = saved.dataDir();
        if (chosen != null && !chosen.toAbsolutePath().equals(dataDirInUse.toAbsolutePath())) later.add("the data folder");
        return later;
    }

    void addProblems(List<FieldProblem> out) {
        if (dataDir.get().isBlank()) return;
        try {
            if (!Path.of(dataDir.get().strip()).isAbsolute()) {
                out.add(new FieldProblem("dataDir", "The data folder must be a full path, like /home/you/Postwright."));
            }
        } catch (InvalidPathException e) {
            out.add(new FieldProblem("dataDir", "The data folder is not a valid path: " + e.getReason() + "."));
        }
    }

    /** What the problems depend on. */
    Observable[] inputs() {
        return new Observable[] {dataDir};
    }
}
