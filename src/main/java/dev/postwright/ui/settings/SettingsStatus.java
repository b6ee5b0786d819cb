package dev.postwright.ui.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The settings screen's one message line and whether it is busy (loading models, saving). The
 * forms of this package say things through it; views only read it. FX thread.
 */
public final class SettingsStatus {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /** Set when the message reports a save, which a later edit makes untrue. */
    private boolean reportsSave;

    void say(String sentence) {
        message.set(sentence);
        reportsSave = false;
    }

    /** Says that everything on the screen is saved, until {@link #edited()} says otherwise. */
    void saySaved(String sentence) {
        message.set(sentence);
        reportsSave = true;
    }

    /**
     * A field changed. A message that said "Settings saved." would now say something untrue, so
     * it becomes a reminder; any other message stays (a field's problem, a model list found).
     */
    void edited() {
        if (!reportsSave) return;
        reportsSave = false;
        message.set("Changes not saved yet.");
    }

    void busy(boolean now) {
        busy.set(now);
    }

    /** The last thing a form said, in a sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
