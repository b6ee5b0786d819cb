package dev.postwright.llm.prompt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a rewrite from a model's reply, which may wrap it as models do: a code fence, the
 * prompt's {@code <<< >>>} marks, quotation marks, or a line such as "Here is the rewritten
 * paragraph:" before it. Only such wrappers are removed; the text itself is kept as written.
 */
public final class RewriteReplies {
    private static final Pattern FENCED = Pattern.compile("(?s)^```[\\w-]*\\n(.*?)\\n?```$");
    private static final Pattern MARKED = Pattern.compile("(?s)^<<<\\s*\\n?(.*?)\\n?\\s*>>>$");
    private static final Pattern PREAMBLE = Pattern.compile("(?i)^(here is|here's|sure|certainly|rewritten)[^\\n]*:\\s*\\n");

    private RewriteReplies() {}

    public static String text(String reply) {
        String text = reply.strip();
        text = PREAMBLE.matcher(text).replaceFirst("").strip();
        text = unwrap(FENCED, text);
        text = unwrap(MARKED, text);
        if (text.length() >= 2 && isQuote(text.charAt(0)) && isQuote(text.charAt(text.length() - 1))
                && text.indexOf('\n') < 0) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static String unwrap(Pattern wrapper, String text) {
        Matcher m = wrapper.matcher(text);
        return m.matches() ? m.group(1).strip() : text;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '\'';
    }
}
