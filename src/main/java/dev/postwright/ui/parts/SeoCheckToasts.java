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
    /** Every check by its id. */
    private static final Map<String, SeoCheck> CHECKS = SeoAnalyzer.standard().checks().stream()
            .collect(Collectors.toUnmodifiableMap(SeoCheck::id, c -> c));

    private final SeoCheckSwitch checks;
    private final Toasts toasts;

    public SeoCheckToasts(SeoCheckSwitch checks, Toasts toasts) {
        this.checks = checks;
        this.toasts = toasts;
    }

    /** The plain name of the check {@code id} ("Outbound links"), or the id when no check has it. */
    static String nameOf(String id) {
        SeoCheck check = CHECKS.get(id);
        return check == null ? id : check.name();
    }

    /** What the notice says: a readability check counts towards the readability verdict, not the SEO score. */
    static String noticeFor(String id) {
        SeoCheck check = CHECKS.get(id);
        String counts = check != null && check.group().equals("readability") ? "the readability verdict" : "the SEO score";
        return "“" + nameOf(id) + "” no longer counts towards " + counts + ".";
    }

    @Override
    public void turnOff(String checkId) {
        checks.turnOff(checkId);
        toasts.show(noticeFor(checkId), "Undo",
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
