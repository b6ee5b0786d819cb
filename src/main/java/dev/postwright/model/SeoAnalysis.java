package dev.postwright.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SEO assessment of a post.
 *
 * @param overallScore 0-100, null when the producer sent none
 * @param aiSummary    a remote server's prose summary, may be null
 * @param sections     a remote server's scored sections by wire name (titleAnalysis, contentFlow…)
 * @param checks       per-check detail from Postwright's own analyzer; empty from other producers
 */
public record SeoAnalysis(Integer overallScore, List<String> topStrengths, List<String> topImprovements,
                          String aiSummary, Map<String, Section> sections, List<Check> checks) {
    public SeoAnalysis {
        topStrengths = Lists.copyOf(topStrengths);
        topImprovements = Lists.copyOf(topImprovements);
        // Insertion order kept, so encodings are stable.
        sections = sections == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        checks = Lists.copyOf(checks);
    }

    /** One scored area of a remote analysis. */
    public record Section(Integer score, String explanation) {}

    /**
     * One check's verdict.
     *
     * @param id    stable identifier, e.g. "keyphrase-in-title"
     * @param group "seo" or "readability"
     * @param score -10..9 as in the reference analysis; 8-9 good, 5-7 ok, at most 4 a problem
     */
    public record Check(String id, String group, int score, String explanation) {
        public Rating rating() {
            return score >= 8 ? Rating.GOOD : score >= 5 ? Rating.OK : Rating.PROBLEM;
        }
    }

    /** Traffic-light verdict of a check. */
    public enum Rating { GOOD, OK, PROBLEM }
}
