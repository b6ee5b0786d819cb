package dev.postwright.engine;

import dev.postwright.seo.SeoAnalyzer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The SEO analysis with the checks the settings leave in, as {@link SelectedWriter} is for the
 * writer: a blog job that starts after {@link #select}, and the editor's next re-score, leave out
 * the newly switched-off checks; a running job keeps the analysis it started with. Thread-safe.
 */
public final class SelectedSeoChecks implements Supplier<SeoAnalyzer> {
    private final SeoAnalyzer all;
    private final AtomicReference<SeoAnalyzer> current;

    /** Every check counted until {@link #select}. */
    public SelectedSeoChecks() {
        this(SeoAnalyzer.standard());
    }

    /** @param all the checks a writer may switch off, all counted until {@link #select} */
    public SelectedSeoChecks(SeoAnalyzer all) {
        this.all = all;
        this.current = new AtomicReference<>(all);
    }

    /** Leaves out the checks whose ids are in {@code off} from now on (ids of no check are ignored). */
    public void select(Set<String> off) {
        current.set(all.without(Set.copyOf(off)));
    }

    /** Every check there is, switched off or not: what Settings list. */
    public SeoAnalyzer all() {
        return all;
    }

    @Override
    public SeoAnalyzer get() {
        return current.get();
    }
}
