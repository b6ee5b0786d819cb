package dev.postwright.settings;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The built-in model the writer chose: a GGUF file run in-process, and how to run it. Zero (or
 * {@link #ALL_LAYERS} for the GPU) means "what suits this computer and this model", worked out
 * when the model loads.
 *
 * @param file        the GGUF file, absolute
 * @param threads     CPU threads for generation, 0 for automatic
 * @param contextSize tokens the model can hold (prompt and reply), 0 for automatic
 * @param gpuLayers   layers to offload to a GPU; 0 for none, {@link #ALL_LAYERS} for all that the
 *                    library's build can offload (the CPU-only builds offload none)
 */
public record BuiltinChoice(Path file, int threads, int contextSize, int gpuLayers) {
    public static final int ALL_LAYERS = -1;
    public static final int MAX_THREADS = 64;
    public static final int MIN_CONTEXT = 512;
    public static final int MAX_CONTEXT = 131_072;

    public BuiltinChoice {
        Objects.requireNonNull(file, "file");
        threads = Math.clamp(threads, 0, MAX_THREADS);
        contextSize = contextSize <= 0 ? 0 : Math.clamp(contextSize, MIN_CONTEXT, MAX_CONTEXT);
        gpuLayers = gpuLayers < 0 ? ALL_LAYERS : gpuLayers;
    }

    /** {@code file} with every setting automatic and every layer offered to the GPU. */
    public static BuiltinChoice of(Path file) {
        return new BuiltinChoice(file, 0, 0, ALL_LAYERS);
    }
}
