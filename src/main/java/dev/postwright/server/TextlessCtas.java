package dev.postwright.server;

import dev.postwright.model.Cta;
import dev.postwright.model.JobRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A brief's calls to action without text, dropped as the real backend drops them (protocol 1.1),
 * each named in a warning of the 201 reply. The desktop form flags them before sending instead.
 */
final class TextlessCtas {
    /** The brief as it will run, and a sentence per call to action left out. */
    record Dropped(JobRequest brief, List<String> warnings) {}

    private TextlessCtas() {}

    static Dropped drop(JobRequest brief) {
        List<Cta> kept = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < brief.ctas().size(); i++) {
            Cta cta = brief.ctas().get(i);
            if (cta.text() == null || cta.text().isBlank()) {
                warnings.add("ctas[" + i + "] has no text, so it was left out of the post.");
            } else {
                kept.add(cta);
            }
        }
        if (warnings.isEmpty()) return new Dropped(brief, List.of());
        return new Dropped(new JobRequest(brief.topic(), brief.businessInfo(), brief.organizationId(),
                brief.additionalInstructions(), brief.options(), kept, brief.embeds()), List.copyOf(warnings));
    }
}
