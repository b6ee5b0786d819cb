package dev.postwright.llm.builtin;

/**
 * A model file that cannot be used: not GGUF, damaged, cut short, too big for this computer's
 * memory, or refused by llama.cpp. The message is a sentence for the writer and names the file,
 * never its contents.
 */
public final class ModelLoadException extends Exception {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
