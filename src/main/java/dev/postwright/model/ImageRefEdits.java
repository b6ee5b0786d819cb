package dev.postwright.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits to the library images a post's Markdown shows ({@code ![alt](postwright-image:ID)}, see
 * {@link ImageRefs}): find them, insert one at the caret, point them at another image, change their
 * alt text, take them out. A reference inside code (a fenced block or an inline code span) is text
 * a reader sees, not an image, and is never touched; nor is one whose {@code !} is escaped.
 * Stateless; every edit returns new Markdown.
 */
public final class ImageRefEdits {
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t]*\n");

    /** A reference shown as an image: where it is, its alt text as written, and the image it names. */
    public record Ref(int start, int end, String writtenAlt, String id) {
        /** The alt text a reader gets (escapes undone). */
        public String alt() {
            return ImageRefs.alt(writtenAlt);
        }
    }

    /** Markdown after an edit, and where the caret goes: just after what was inserted. */
    public record Edit(String markdown, int caret) {}

    private ImageRefEdits() {}

    /** The references {@code markdown} shows as images, in order. */
    public static List<Ref> refs(String markdown) {
        String text = markdown == null ? "" : markdown;
        boolean[] code = codeMask(text);
        var refs = new ArrayList<Ref>();
        Matcher m = ImageRefs.MARKDOWN.matcher(text);
        while (m.find()) {
            if (code[m.start()] || code[m.end() - 1] || escaped(text, m.start())) continue;
            refs.add(new Ref(m.start(), m.end(), m.group(1), m.group(2)));
        }
        return refs;
    }

    /** The ids of the images {@code markdown} shows, in order of first appearance. */
    public static Set<String> ids(String markdown) {
        var ids = new LinkedHashSet<String>();
        for (Ref ref : refs(markdown)) ids.add(ref.id());
        return ids;
    }

    /** The alt text of the first reference to image {@code id}; empty when the post does not show it. */
    public static Optional<String> altOf(String markdown, String id) {
        return refs(markdown).stream().filter(r -> r.id().equals(id)).findFirst().map(Ref::alt);
    }

    /**
     * Inserts a reference to image {@code id} at {@code caret}, as a paragraph of its own (blank
     * lines added around it where needed); the caret goes to the start of what follows it. A caret inside a code block or span, or inside another
     * reference, moves past it first, so the new reference is an image and breaks nothing.
     */
    public static Edit insert(String markdown, int caret, String alt, String id) {
        String text = markdown == null ? "" : markdown;
        int at = Math.clamp(caret, 0, text.length());
        at = outsideCode(text, at);
        String before = text.substring(0, at);
        String after = text.substring(at);
        String lead = before.isEmpty() || endsWithBlankLine(before) ? "" : before.endsWith("\n") ? "\n" : "\n\n";
        String trail = startsWithBlankLine(after) ? "" : after.startsWith("\n") ? "\n" : "\n\n";
        String inserted = lead + "![" + ImageRefs.escapeAlt(alt == null ? "" : alt.strip()) + "](" + ImageRefs.of(id)
                + ")" + trail;
        String result = before + inserted + after;
        int next = at + inserted.length();
        // The caret goes past the blank line after the image, where the next paragraph starts.
        for (int breaks = trail.length(); breaks < 2 && next < result.length() && result.charAt(next) == '\n'; breaks++) {
            next++;
        }
        return new Edit(result, next);
    }

    /** Points every reference to image {@code id} at image {@code newId}, each keeping its alt text. */
    public static String replace(String markdown, String id, String newId) {
        return rewrite(markdown, id, ref -> "![" + ref.writtenAlt() + "](" + ImageRefs.of(newId) + ")");
    }

    /** Gives every reference to image {@code id} the alt text {@code alt} (escaped; not stripped, so typing keeps its spaces). */
    public static String setAlt(String markdown, String id, String alt) {
        return rewrite(markdown, id, ref -> "![" + ImageRefs.escapeAlt(alt) + "](" + ImageRefs.of(id) + ")");
    }

    /**
     * Takes every reference to image {@code id} out of the text. A line left empty goes with it,
     * and the blank lines around the image's paragraph close up to one.
     */
    public static String remove(String markdown, String id) {
        String text = markdown == null ? "" : markdown;
        List<Ref> refs = refs(text).stream().filter(r -> r.id().equals(id)).toList();
        var out = new StringBuilder(text);
        for (Ref ref : refs.reversed()) {
            int at = ref.start();
            out.delete(at, ref.end());
            if (at > 0 && at < out.length() && out.charAt(at - 1) == ' ' && out.charAt(at) == ' ') out.deleteCharAt(at);
            int lineStart = lineStart(out, at);
            if (!isBlank(out, lineStart, lineEnd(out, at))) continue;
            dropLine(out, lineStart);
            int next = Math.min(lineStart, out.length());
            // The image's paragraph is gone: the blank lines that framed it close up to one.
            if (isBlank(out, next, lineEnd(out, next))
                    && (next == 0 || isBlank(out, lineStart(out, next - 1), next - 1))) {
                dropLine(out, next);
            }
        }
        return out.toString();
    }

    private interface Rewriting {
        String of(Ref ref);
    }

    private static String rewrite(String markdown, String id, Rewriting rewriting) {
        String text = markdown == null ? "" : markdown;
        var out = new StringBuilder(text.length() + 32);
        int done = 0;
        for (Ref ref : refs(text)) {
            if (!ref.id().equals(id)) continue;
            out.append(text, done, ref.start()).append(rewriting.of(ref));
            done = ref.end();
        }
        return out.append(text, done, text.length()).toString();
    }

    /** Where an insertion at {@code at} may go: past a code block, code span or reference it falls in. */
    private static int outsideCode(String text, int at) {
        boolean[] code = codeMask(text);
        if (at > 0 && at < text.length() && code[at - 1] && code[at]) {
            while (at < text.length() && code[at]) at++;
        }
        for (Ref ref : refs(text)) {
            if (at > ref.start() && at < ref.end()) return ref.end();
        }
        return at;
    }

    /** Which characters are code: fenced blocks (to their closing fence, or the end) and inline code spans. */
    static boolean[] codeMask(String text) {
        boolean[] code = new boolean[text.length() + 1];
        int lineStart = 0;
        int fenceStart = -1;
        String fence = null;
        int proseStart = 0;
        while (lineStart <= text.length()) {
            int end = text.indexOf('\n', lineStart);
            int lineEnd = end < 0 ? text.length() : end;
            String line = text.substring(lineStart, lineEnd);
            Matcher m = FENCE.matcher(line);
            if (fence == null && m.find() && !(m.group(1).charAt(0) == '`' && line.indexOf('`', m.end()) >= 0)) {
                spans(text, proseStart, lineStart, code);
                fence = m.group(1);
                fenceStart = lineStart;
            } else if (fence != null && m.find() && m.group(1).charAt(0) == fence.charAt(0)
                    && m.group(1).length() >= fence.length() && line.substring(m.end()).isBlank()) {
                fill(code, fenceStart, lineEnd);
                fence = null;
                proseStart = lineEnd;
            }
            if (end < 0) break;
            lineStart = end + 1;
        }
        if (fence != null) fill(code, fenceStart, text.length());
        else spans(text, proseStart, text.length(), code);
        return code;
    }

    /** Marks the inline code spans between {@code from} and {@code to}: a run of backticks to the next run as long, within a paragraph. */
    private static void spans(String text, int from, int to, boolean[] code) {
        int i = from;
        while (i < to) {
            if (text.charAt(i) != '`' || escaped(text, i)) {
                i++;
                continue;
            }
            int run = runOfBackticks(text, i, to);
            int close = -1;
            for (int j = i + run; j < to; ) {
                if (text.charAt(j) == '`') {
                    int other = runOfBackticks(text, j, to);
                    if (other == run) {
                        close = j;
                        break;
                    }
                    j += other;
                } else {
                    j++;
                }
            }
            if (close < 0 || BLANK_LINE.matcher(text.substring(i, close)).find()) {
                i += run;
                continue;
            }
            fill(code, i, close + run);
            i = close + run;
        }
    }

    private static int runOfBackticks(String text, int at, int to) {
        int end = at;
        while (end < to && text.charAt(end) == '`') end++;
        return end - at;
    }

    private static void fill(boolean[] mask, int from, int to) {
        for (int i = from; i < to; i++) mask[i] = true;
    }

    /** Whether the character at {@code at} is escaped by an odd run of backslashes before it. */
    private static boolean escaped(String text, int at) {
        int slashes = 0;
        for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) slashes++;
        return slashes % 2 == 1;
    }

    /** Whether {@code text} ends with a line break and the line before it is blank (or there is none). */
    private static boolean endsWithBlankLine(String text) {
        if (!text.endsWith("\n")) return false;
        int lastBreak = text.length() - 1;
        return isBlank(text, lineStart(text, lastBreak), lastBreak);
    }

    /** Whether {@code text} begins with a line break and then a blank line. */
    private static boolean startsWithBlankLine(String text) {
        if (!text.startsWith("\n")) return false;
        int next = text.indexOf('\n', 1);
        return next >= 0 && isBlank(text, 1, next);
    }

    private static int lineStart(CharSequence text, int at) {
        int i = Math.min(at, text.length());
        while (i > 0 && text.charAt(i - 1) != '\n') i--;
        return i;
    }

    private static int lineEnd(CharSequence text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) != '\n') i++;
        return i;
    }

    private static boolean isBlank(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) return false;
        }
        return true;
    }

    /** Deletes the line starting at {@code lineStart} with its line break (the one before it, for the last line). */
    private static void dropLine(StringBuilder text, int lineStart) {
        int lineEnd = lineEnd(text, lineStart);
        if (lineEnd < text.length()) text.delete(lineStart, lineEnd + 1);
        else if (lineStart > 0) text.delete(lineStart - 1, lineEnd);
        else text.delete(lineStart, lineEnd);
    }
}
