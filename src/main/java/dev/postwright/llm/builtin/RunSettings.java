package dev.postwright.llm.builtin;

import dev.postwright.settings.BuiltinChoice;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How a model will run on this machine: the writer's {@link BuiltinChoice} with the automatic
 * values filled in, and the memory that needs. Worked out before loading, so Settings can say
 * "needs about 2.1 GB" and a model too big for the machine is refused before llama.cpp tries.
 *
 * @param info        the model's header
 * @param threads     generation threads
 * @param contextSize tokens of context
 * @param gpuLayers   layers offered to a GPU
 * @param memoryBytes the estimated memory ({@link GgufInfo#memoryNeeded})
 */
public record RunSettings(GgufInfo info, int threads, int contextSize, int gpuLayers, long memoryBytes) {
    /** The context when the writer leaves it automatic: room for a long post and its prompt. */
    static final int DEFAULT_CONTEXT = 8_192;
    /** What {@link BuiltinChoice#ALL_LAYERS} becomes: more layers than any model has. */
    private static final int EVERY_LAYER = 999;

    /** Reads the file's header and resolves the choice against it and the machine. */
    public static RunSettings of(BuiltinChoice choice, Machine machine) throws ModelLoadException {
        return of(choice, GgufReader.read(choice.file()), machine);
    }

    static RunSettings of(BuiltinChoice choice, GgufInfo info, Machine machine) {
        int threads = choice.threads() > 0 ? choice.threads() : machine.defaultThreads();
        int context = choice.contextSize() > 0 ? choice.contextSize() : Math.min(DEFAULT_CONTEXT, info.trainedContext());
        int gpu = choice.gpuLayers() == BuiltinChoice.ALL_LAYERS ? EVERY_LAYER : choice.gpuLayers();
        return new RunSettings(info, threads, context, gpu, info.memoryNeeded(context));
    }

    /** "needs about 2.1 GB of memory with 8,192 tokens of context". */
    public String memorySentence() {
        return "needs about " + Bytes.describe(memoryBytes) + " of memory with "
                + NumberFormat.getIntegerInstance(Locale.ROOT).format(contextSize) + " tokens of context";
    }

    /** Refuses a model that cannot fit in {@code machine}'s memory, in words. */
    public void checkFits(Machine machine) throws ModelLoadException {
        if (machine.memoryBytes() > 0 && memoryBytes > machine.memoryBytes()) {
            throw new ModelLoadException(info.name() + " " + memorySentence() + ", and this computer has "
                    + Bytes.describe(machine.memoryBytes()) + ". Choose a smaller model, or a smaller context in Settings.");
        }
    }
}
