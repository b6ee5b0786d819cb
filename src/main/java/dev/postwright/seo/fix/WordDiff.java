package dev.postwright.seo.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a fix changes, word by word: the longest common subsequence of the two texts' words
 * (each with the white space after it, which does not count), as kept, removed and added runs;
 * kept words are shown as they read after. Texts share their
 * beginning and end unchanged first, so a fix to one paragraph of a long post compares only that
 * paragraph; a middle too large to compare word by word is shown as removed and added whole.
 */
public final class WordDiff {
    /** Above this many word pairs the middle is not compared word by word (memory, not time). */
    private static final long MAX_CELLS = 4_000_000;
    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*|\\s+");

    public enum Change { SAME, REMOVED, ADDED }

    /** A run of text that is kept, removed or added. */
    public record Segment(Change change, String text) {}

    private WordDiff() {}

    public static List<Segment> of(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        int head = 0;
        while (head < a.size() && head < b.size() && same(a.get(head), b.get(head))) head++;
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && same(a.get(a.size() - 1 - tail), b.get(b.size() - 1 - tail))) tail++;
        var out = new Builder();
        b.subList(0, head).forEach(t -> out.add(Change.SAME, t));
        middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), out);
        b.subList(b.size() - tail, b.size()).forEach(t -> out.add(Change.SAME, t));
        return out.segments();
    }

    private static void middle(List<String> a, List<String> b, Builder out) {
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(t -> out.add(Change.REMOVED, t));
            b.forEach(t -> out.add(Change.ADDED, t));
            return;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1]; // common[i][j]: LCS length of a[i..] and b[j..]
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = same(a.get(i), b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (same(a.get(i), b.get(j))) {
                out.add(Change.SAME, b.get(j++));
                i++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add(Change.REMOVED, a.get(i++));
            } else {
                out.add(Change.ADDED, b.get(j++));
            }
        }
        while (i < a.size()) out.add(Change.REMOVED, a.get(i++));
        while (j < b.size()) out.add(Change.ADDED, b.get(j++));
    }

    /** A word is kept when only the space after it changed (a last word that now has a next one). */
    private static boolean same(String a, String b) {
        return a.strip().equals(b.strip());
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) tokens.add(m.group());
        return tokens;
    }

    /** Joins neighbouring tokens of one kind into one segment. */
    private static final class Builder {
        private final List<Segment> segments = new ArrayList<>();
        private final StringBuilder run = new StringBuilder();
        private Change change;

        void add(Change kind, String token) {
            if (kind != change) flush();
            change = kind;
            run.append(token);
        }

        List<Segment> segments() {
            flush();
            return segments;
        }

        private void flush() {
            if (!run.isEmpty()) segments.add(new Segment(change, run.toString()));
            run.setLength(0);
        }
    }
}
