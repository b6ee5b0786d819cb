package dev.postwright.ui.parts;

import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.seo.checks.SeoCheck;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableValue;

/**
 * A {@link SeoCheckSwitch} that says what "Turn off" did, in a notice with an Undo, so a check
 * switched off by a slip is back in one click. FX thread only.
 */
public final class SeoCheckToasts implements SeoCheckSwitch {
    /** Each check's plain name by its id. */
    static final Map<String, String> NAMES = SeoAnalyzer.standard().checks().stream()
            .collect(Collectors.toUnmodifiableMap(SeoCheck::id, SeoCheck::name));

    private final SeoCheckSwitch checks;
    private final Toasts toasts;

    public SeoCheckToasts(SeoCheckSwitch checks, Toasts toasts) {
        this.checks = checks;
        this.toasts = toasts;
    }

    /** The plain name of the check {@code id} ("Outbound links"), or the id when no check has it. */
    static String nameOf(String id) {
        return NAMES.getOrDefault(id, id);
    }

    @Override
    public void turnOff(String checkId) {
        checks.turnOff(checkId);
        toasts.show("“" + nameOf(checkId) + "” no longer counts towards the SEO score.", "Undo",
                () -> checks.turnOn(checkId));
    }

    @Override
    public void turnOn(String checkId) {
        checks.turnOn(checkId);
    }

    @Override
    public ObservableValue<Set<String>> off() {
        return checks.off();
    }
}
