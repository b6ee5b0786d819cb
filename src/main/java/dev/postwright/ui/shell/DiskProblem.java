package dev.postwright.ui.shell;

import dev.postwright.store.Database;
import dev.postwright.ui.fx.FxFrames;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window says while the data folder's database refuses writes (a full disk): the
 * store's sentence and what happens next, or "" while writes go through. Updated on the FX
 * thread from the database's own notice, so it appears when the disk fills and goes by itself.
 */
final class DiskProblem {
    static final String GOES_ON = " Postwright goes on by itself once there is room: jobs that were cut short resume.";

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");

    DiskProblem(Database db, FxFrames frames) {
        Runnable update = () -> {
            String now = db.writeFault().map(e -> e.getMessage() + GOES_ON).orElse("");
            frames.nextFrame(() -> text.set(now));
        };
        db.onWriteFaultChange(update);
        update.run(); // the disk may have filled before the window opened
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
