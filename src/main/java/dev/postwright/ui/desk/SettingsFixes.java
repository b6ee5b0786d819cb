package dev.postwright.ui.desk;

import java.util.Set;

/**
 * The failures of a blog job that a change in Settings can fix: a key refused, a model unknown
 * or too small for the brief, a built-in model llama.cpp cannot use, a server address that
 * answers nothing or not as a model server. Retrying one of these without changing anything fails
 * the same way, so the desk offers Settings beside Retry.
 */
final class SettingsFixes {
    /**
     * The codes, as the writers set them: {@code llm.openai.Failures} (AUTH, MODEL_NOT_FOUND,
     * CONTEXT_TOO_LONG, NOT_STREAMING, UNREACHABLE), {@code llm.builtin} (BUILTIN_MODEL_UNUSABLE,
     * CONTEXT_TOO_SMALL).
     */
    private static final Set<String> CODES = Set.of("AUTH", "MODEL_NOT_FOUND", "CONTEXT_TOO_LONG", "NOT_STREAMING",
            "UNREACHABLE", "BUILTIN_MODEL_UNUSABLE", "CONTEXT_TOO_SMALL");

    private SettingsFixes() {}

    /** True when the failure with {@code errorCode} (null for none) is fixed in Settings, not by waiting. */
    static boolean canFix(String errorCode) {
        return errorCode != null && CODES.contains(errorCode);
    }
}
