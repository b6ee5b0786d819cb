package dev.postwright.ui.parts;

import java.util.Set;
import javafx.beans.value.ObservableValue;

/**
 * Switching SEO checks off: what the SEO panel's "Turn off" does, and which checks are off now.
 * FX thread only.
 */
public interface SeoCheckSwitch {
    /** Leaves the check {@code checkId} out from now on, and remembers it in the settings. */
    void turnOff(String checkId);

    /** Counts the check {@code checkId} again from now on (an Undo of {@link #turnOff}), and remembers it. */
    void turnOn(String checkId);

    /** The ids of the checks switched off now; changes (on the FX thread) after a switch takes effect. */
    ObservableValue<Set<String>> off();
}
