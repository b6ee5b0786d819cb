package dev.postwright.ui.settings;

import dev.postwright.engine.SelectedSeoChecks;
import dev.postwright.seo.checks.SeoCheck;
import dev.postwright.settings.Settings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The "SEO checks" part of Settings: every check by its plain name, ticked when it counts. The
 * checks switched off leave the editor's SEO panel and its score, and the SEO stage of jobs that
 * start later. Ids in the settings that no check has (a later version's) stay switched off. Part of
 * {@link SettingsViewModel}, which saves it with everything else; FX thread, except {@link #apply}.
 */
public final class SeoChecksForm {
    /** One check of {@code group} ("seo" or "readability"): ticked ({@code counted}) when it is in the analysis. */
    public record Row(String id, String name, String group, BooleanProperty counted) {}

    private final SelectedSeoChecks selected;
    private final List<Row> rows;
    private final Set<String> unknown;
    private final ReadOnlyObjectWrapper<Set<String>> off = new ReadOnlyObjectWrapper<>();

    SeoChecksForm(SelectedSeoChecks selected, Settings current) {
        this.selected = selected;
        Set<String> switchedOff = current.seoChecksOff();
        rows = selected.all().checks().stream()
                .map(c -> new Row(c.id(), c.name(), c.group(), new SimpleBooleanProperty(!switchedOff.contains(c.id())))).toList();
        Set<String> known = new HashSet<>(selected.all().checks().stream().map(SeoCheck::id).toList());
        unknown = Set.copyOf(switchedOff.stream().filter(id -> !known.contains(id)).toList());
        off.set(switchedOff);
    }

    /** Every check, in the order the analysis reports them. */
    public List<Row> rows() {
        return rows;
    }

    /** What Settings keep: the unticked checks, and the unknown ids as they were. */
    Set<String> choice() {
        Set<String> out = new TreeSet<>(unknown);
        rows.stream().filter(r -> !r.counted().get()).map(Row::id).forEach(out::add);
        return Set.copyOf(out);
    }

    /** Ticks or unticks {@code id}'s box (the panel's "Turn off", its Undo); the caller saves. */
    void tick(String id, boolean counted) {
        rows.stream().filter(r -> r.id().equals(id)).forEach(r -> r.counted().set(counted));
    }

    /** Makes {@code ids} the checks left out of the analysis, from now on. Any thread. */
    void apply(Set<String> ids) {
        selected.select(ids);
    }

    /** After {@code ids} took effect, on the FX thread: {@link #offProperty} follows. */
    void applied(Set<String> ids) {
        if (!ids.equals(off.get())) off.set(Set.copyOf(ids));
    }

    /** The checks switched off now (as saved and in effect). */
    public ReadOnlyObjectProperty<Set<String>> offProperty() {
        return off.getReadOnlyProperty();
    }
}
