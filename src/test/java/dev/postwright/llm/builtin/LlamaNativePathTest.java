package dev.postwright.llm.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spike's questions through the real llama.cpp library: a tiny model made by GgufWriter loads, streams, stops, and obeys a grammar. */
class LlamaNativePathTest {
    @TempDir static Path dir;
    static LlamaModel model;

    @BeforeAll
    static void load() throws Exception {
        Path file = dir.resolve("tiny.gguf");
        GgufWriter.write(file, 42);
        long started = System.nanoTime();
        model = new LlamaModel(new ModelParameters()
                .setModel(file.toString())
                .setCtxSize(GgufWriter.CONTEXT)
                .setThreads(2)
                .setGpuLayers(0));
        System.out.printf("tiny model: %d bytes, load %.1f ms%n", Files.size(file), (System.nanoTime() - started) / 1e6);
    }

    @AfterAll
    static void close() {
        if (model != null) model.close();
    }

    @Test
    void streamsTokensAndMeasures() {
        InferenceParameters params = new InferenceParameters("Once upon a time").setNPredict(64).setSeed(7).setTemperature(1f);
        long started = System.nanoTime();
        long first = -1;
        List<String> pieces = new ArrayList<>();
        for (LlamaOutput out : model.generate(params)) {
            if (first < 0) first = System.nanoTime();
            pieces.add(out.text);
        }
        long ended = System.nanoTime();
        System.out.printf("first token %.1f ms, %d pieces, %.0f tokens/s after the first: %s%n",
                (first - started) / 1e6, pieces.size(), (pieces.size() - 1) / ((ended - first) / 1e9), String.join("", pieces));
        assertTrue(pieces.size() >= 2, "pieces: " + pieces);
    }

    @Test
    void cancelStopsGeneration() {
        InferenceParameters params = new InferenceParameters("Once upon a time").setNPredict(400).setSeed(7).setIgnoreEos(true);
        LlamaIterator it = (LlamaIterator) model.generate(params).iterator();
        int received = 0;
        while (it.hasNext() && received < 5) {
            it.next();
            received++;
        }
        long started = System.nanoTime();
        it.cancel();
        System.out.printf("cancel took %.2f ms%n", (System.nanoTime() - started) / 1e6);
        assertEquals(5, received);
        assertFalse(it.hasNext(), "the iterator ends once cancelled");
    }

    /** As the writer will use it: the job's cancel fires on another thread while the worker is reading tokens. */
    @Test
    void cancelFromAnotherThreadEndsTheReadingLoopQuickly() {
        InferenceParameters params = new InferenceParameters("Once upon a time").setNPredict(5000).setSeed(9).setIgnoreEos(true);
        LlamaIterator it = (LlamaIterator) model.generate(params).iterator();
        long[] cancelledAt = {0};
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            int received = 0;
            while (it.hasNext()) {
                it.next();
                if (++received == 10) {
                    Thread t = new Thread(() -> { cancelledAt[0] = System.nanoTime(); it.cancel(); });
                    t.start();
                    t.join();
                }
            }
            long stopMs = (System.nanoTime() - cancelledAt[0]) / 1_000_000;
            System.out.printf("cross-thread cancel: loop ended %d ms after cancel, %d pieces%n", stopMs, received);
            assertTrue(received < 5000, "stopped early: " + received);
            assertTrue(stopMs < 100, "stopped within 100 ms: " + stopMs);
        });
    }

    @Test
    void grammarYieldsJson() throws Exception {
        String schema = """
                {"type":"object","properties":{"title":{"type":"string","maxLength":12}},"required":["title"],"additionalProperties":false}""";
        String grammar = LlamaModel.jsonSchemaToGrammar(schema);
        InferenceParameters params = new InferenceParameters("Metadata as JSON:").setNPredict(200).setSeed(3).setGrammar(grammar);
        String text = model.complete(params);
        System.out.println("grammar output: " + text);
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        assertTrue(node.isObject() && node.size() == 1 && node.get("title").isTextual(), text);
    }
}
