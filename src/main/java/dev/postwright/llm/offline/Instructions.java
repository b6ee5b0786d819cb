package dev.postwright.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The brief's additional instructions as the offline engine follows them. Each line, bullet or
 * sentence is one instruction. One that asks for a section ("Add a section on pricing", "Include a
 * part about delivery times") becomes a section of the outline; every other one is for the writer
 * to carry out (the engine cannot know the guarantee's terms or the shop's opening hours), so the
 * draft places it as a marked writer's note in the section it is most about. Stateless.
 */
record Instructions(List<String> sections, List<String> notes) {
    /** "add a section on X", "include a part about X", "write a paragraph covering X", "cover X in its own section". */
    private static final Pattern SECTION = Pattern.compile(
            "(?i)^(?:please\\s+)?(?:add|include|write|give|have)\\s+(?:a|an|one)\\s+(?:short\\s+|separate\\s+)?"
                    + "(?:section|part|paragraph|chapter)\\s+(?:on|about|covering|explaining|for|that\\s+covers)\\s+(.+)$"
                    + "|^(?:please\\s+)?cover\\s+(.+?)\\s+in\\s+(?:its|a)\\s+own\\s+section$");
    private static final Pattern SPLIT = Pattern.compile("\\n+|(?<=[.!?])\\s+(?=[A-Z])");
    private static final int MAX_SECTIONS = 3;
    private static final int MAX_LENGTH = 300;
    /** A requested section's topic becomes its heading: a heading's length. */
    private static final int MAX_TOPIC = 80;

    static Instructions of(String text) {
        List<String> sections = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (text == null || text.isBlank()) return new Instructions(sections, notes);
        for (String raw : SPLIT.split(text.strip())) {
            String item = raw.strip().replaceFirst("^[-*•]\\s*|^\\d+[.)]\\s*", "").strip();
            if (item.isEmpty()) continue;
            Matcher m = SECTION.matcher(item.replaceFirst("[.!]+$", ""));
            if (m.matches() && sections.size() < MAX_SECTIONS) {
                String topic = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
                sections.add(topic.length() <= MAX_TOPIC ? topic : topic.substring(0, MAX_TOPIC).strip() + "…");
            } else {
                notes.add(item.length() <= MAX_LENGTH ? item : item.substring(0, MAX_LENGTH).strip() + "…");
            }
        }
        return new Instructions(List.copyOf(sections), List.copyOf(notes));
    }

    /** The index of the heading in {@code headings} sharing the most words with {@code text}, the first on a tie; -1 when none shares any. */
    static int bestSection(String text, List<String> headings) {
        List<String> words = significant(text);
        int best = -1;
        long most = 0;
        for (int i = 0; i < headings.size(); i++) {
            List<String> heading = significant(headings.get(i));
            long shared = words.stream().filter(heading::contains).count();
            if (shared > most) {
                most = shared;
                best = i;
            }
        }
        return best;
    }

    private static List<String> significant(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3) out.add(w.length() > 5 ? w.substring(0, 5) : w); // a crude stem: "prices" ~ "pricing"
        }
        return out;
    }
}
