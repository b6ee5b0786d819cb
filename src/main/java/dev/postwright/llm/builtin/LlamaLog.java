package dev.postwright.llm.builtin;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.LogLevel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Keeps llama.cpp's lines off the console and its library's messages in our log (decision 0037).
 * llama.cpp b4916, as de.kherud 4.2.0 binds it, writes three kinds of lines. The server code's
 * ({@code srv …}, {@code slot update_slots: …}, the timings, the chat template) go through
 * {@code common_log} straight to stderr and never reach a callback; {@code --log-verbosity -1}
 * drops them (each has verbosity 0, kept only when 0 is at most the threshold). The library's
 * ({@code llama_model_loader: …}, {@code llama_context: …}) go to the callback of
 * {@code llama_log_set}, which {@link LlamaModel#setLogger} sets, but loading a model calls
 * {@code common_init()}, which replaces it with one that prints through {@code common_log}; so
 * our logger is set again after each load. The argument parser's warning that a CPU-only build
 * ignores GPU layers is a plain {@code fprintf}, so they are asked for only from a build that
 * can offload. With this class's logger at DEBUG, llama.cpp's console is left on. Callers hold
 * one lock: the loggers are process-wide.
 */
final class LlamaLog {
    private static final System.Logger LOG = System.getLogger(LlamaLog.class.getName());
    private static Boolean offloads;
    private static boolean libraryLoaded;

    private LlamaLog() {}

    /** The parameters for a load, quieted; loads the native library (the binding's class does). */
    static ModelParameters quiet(ModelParameters params, int gpuLayers) {
        route();
        if (LOG.isLoggable(Level.DEBUG)) return params.setGpuLayers(gpuLayers);
        if (gpuOffload()) params.setGpuLayers(gpuLayers);
        return params.setLogVerbosity(-1);
    }

    /** After a load, failed or not: {@code common_init()} replaced our logger with its own. */
    static void route() {
        loadLibrary();
        LlamaModel.setLogger(LogFormat.TEXT, (level, text) -> LOG.log(level == LogLevel.ERROR ? Level.WARNING
                : level == LogLevel.WARN ? Level.INFO : Level.DEBUG, text.strip()));
    }

    /**
     * Loads the binding's native library once, keeping its "Extracted 'libjllama.so' to …" line
     * (a {@code System.out.println} in its loader) off standard output, which carries the post
     * and the event lines of {@code generate}; the line goes to our log. The command line's
     * writers hold the console's own stream, so swapping {@code System.out} for the load does not
     * touch them; a stray {@code System.out} print from another thread in that moment would go
     * to the log too.
     */
    private static void loadLibrary() {
        if (libraryLoaded) return;
        PrintStream console = System.out;
        var said = new ByteArrayOutputStream();
        System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            Class.forName(LlamaModel.class.getName(), true, LlamaLog.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(console);
        }
        libraryLoaded = true;
        String words = said.toString(StandardCharsets.UTF_8).strip();
        if (!words.isEmpty()) LOG.log(Level.DEBUG, words);
    }

    /**
     * llama.cpp's {@code llama_supports_gpu_offload()}, through {@code java.lang.foreign} (final in
     * the Java 25 we run on, a preview in the release 21 we compile for, hence reflection). True
     * when it cannot be asked: then the layers are asked for, as before.
     */
    private static boolean gpuOffload() {
        if (offloads == null) offloads = askGpuOffload().orElse(true);
        return offloads;
    }

    private static Optional<Boolean> askGpuOffload() {
        try {
            Class<?> lookups = Class.forName("java.lang.foreign.SymbolLookup");
            Class<?> layout = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> descriptor = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> linker = Class.forName("java.lang.foreign.Linker");
            Class<?> option = Class.forName("java.lang.foreign.Linker$Option");
            // The libraries loaded by this class loader: the binding's libjllama, with llama.cpp in it.
            Object lookup = lookups.getMethod("loaderLookup").invoke(null);
            var symbol = (Optional<?>) lookups.getMethod("find", String.class).invoke(lookup, "llama_supports_gpu_offload");
            if (symbol.isEmpty()) return Optional.empty();
            Object bool = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_BOOLEAN").get(null);
            Object type = descriptor.getMethod("of", layout, layout.arrayType()).invoke(null, bool, Array.newInstance(layout, 0));
            Object nativeLinker = linker.getMethod("nativeLinker").invoke(null);
            var handle = (MethodHandle) linker.getMethod("downcallHandle", Class.forName("java.lang.foreign.MemorySegment"),
                    descriptor, option.arrayType()).invoke(nativeLinker, symbol.get(), type, Array.newInstance(option, 0));
            return Optional.of((boolean) handle.invoke());
        } catch (Throwable e) {
            LOG.log(Level.DEBUG, "Could not ask llama.cpp whether it offloads to a GPU: {0}", e.toString());
            return Optional.empty();
        }
    }
}
