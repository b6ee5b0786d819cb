package dev.postwright.llm.builtin;

import java.nio.file.Path;

/**
 * What a GGUF file's header says about its model: enough to name it, to estimate the memory it
 * needs before loading, and to choose a context size. Read by {@link GgufReader}.
 *
 * @param file           the file
 * @param fileBytes      its size; the weights are mapped from it, so about this much memory is used
 * @param architecture   {@code general.architecture}, e.g. {@code llama}, {@code qwen2}
 * @param name           {@code general.name}, or the file name without {@code .gguf} when absent
 * @param layers         {@code <arch>.block_count}
 * @param trainedContext {@code <arch>.context_length}: the most tokens the model was trained on
 * @param kvWidth        the key plus value width per token and layer ({@code head_count_kv ×
 *                       (key_length + value_length)}), for the KV cache's size
 * @param vocabulary     the number of tokens, for the size of the logits buffer
 * @param hasChatTemplate whether the file carries {@code tokenizer.chat_template}; without one
 *                       llama.cpp falls back to ChatML
 */
public record GgufInfo(Path file, long fileBytes, String architecture, String name, int layers, int trainedContext,
                       int kvWidth, int vocabulary, boolean hasChatTemplate) {
    /** Bytes per KV-cache element: llama.cpp's default cache type is F16. */
    private static final int KV_ELEMENT_BYTES = 2;
    /** Tokens evaluated at once (llama.cpp's default micro-batch), for the compute buffers. */
    private static final int MICRO_BATCH = 512;
    private static final long FIXED_OVERHEAD = 100L << 20;

    /**
     * About how much memory the model needs with {@code contextSize} tokens: the mapped weights,
     * the KV cache, the logits and compute buffers and a fixed overhead. An estimate to tell the
     * writer before loading ("needs about 2.1 GB"), not a promise.
     */
    public long memoryNeeded(int contextSize) {
        long kvCache = (long) layers * contextSize * kvWidth * KV_ELEMENT_BYTES;
        long logits = (long) vocabulary * MICRO_BATCH * Float.BYTES;
        return fileBytes + kvCache + logits + fileBytes / 20 + FIXED_OVERHEAD;
    }
}
