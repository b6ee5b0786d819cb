package dev.postwright.ui.settings;

import dev.postwright.settings.ModelChoice;

/** The three answers to Settings' "Who writes": exactly one is chosen. */
public enum WhoWrites {
    /** The offline drafting engine, which writes scaffolds. */
    OFFLINE,
    /** A GGUF model run inside Postwright. */
    BUILTIN,
    /** An OpenAI-compatible model server. */
    SERVER;

    static WhoWrites of(ModelChoice choice) {
        return choice.isBuiltin() ? BUILTIN : choice.isServer() ? SERVER : OFFLINE;
    }
}
