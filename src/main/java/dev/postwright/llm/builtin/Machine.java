package dev.postwright.llm.builtin;

import java.lang.management.ManagementFactory;

/**
 * What this computer offers a model: processors and memory. A record so tests can state a
 * machine; {@link #current()} asks the JVM.
 *
 * @param processors  logical processors the JVM may use
 * @param memoryBytes physical memory, or 0 when the platform does not say
 */
public record Machine(int processors, long memoryBytes) {
    public static Machine current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
        return new Machine(Runtime.getRuntime().availableProcessors(), memory);
    }

    /**
     * Threads for generation when the writer leaves it automatic: llama.cpp runs best on physical
     * cores, so on machines large enough to have hyper-threading, half the logical processors; at
     * most 8, where adding threads stops paying.
     */
    public int defaultThreads() {
        return Math.clamp(processors > 4 ? processors / 2 : processors, 1, 8);
    }
}
