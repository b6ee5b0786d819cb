package dev.postwright.llm.builtin;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.llm.Brief;
import dev.postwright.llm.prompt.Prompts;
import dev.postwright.llm.prompt.ReplySchemas;
import dev.postwright.model.BusinessInfo;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Outline;
import dev.postwright.model.Topic;
import dev.postwright.settings.BuiltinChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The built-in model's path (issue 16) against llama.cpp through the binding's raw API, in one run:
 * loading ({@link ModelLoading}, as the app does, against {@code new LlamaModel} with the same
 * settings), time to first token and tokens per second of a streamed draft of {@value #TOKENS}
 * tokens ({@link LoadedModel#generate} against {@code LlamaModel.generate} on the same templated
 * prompt, seed and sampling), cancel latency (from the queue's cancel on another thread to the
 * generate call's return; the raw API has no working cancel from another thread, so its floor is
 * one token's time), and the outline as JSON under the grammar ({@link BuiltinModelWriter#outline}
 * against {@code generate} with the same grammar). Ours and raw alternate in each round, so drift
 * on a shared machine hits both. The model is {@link GgufWriter}'s tiny random one, or the GGUF
 * file in {@code POSTWRIGHT_BENCH_MODEL}.
 *
 * <pre>mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.llm.builtin.BuiltinModelBenchmark</pre>
 */
public final class BuiltinModelBenchmark {
    private static final int TOKENS = 256;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 15;
    private static final int LOAD_ROUNDS = 10;
    /** Pieces streamed before the cancel, so the cancel lands mid-draft. */
    private static final int CANCEL_AFTER = 32;
    private static final long SEED = 7;
    private static final Brief BRIEF = Brief.of(new JobRequest(Topic.titled("Rye bread"),
            new BusinessInfo("Bakery", null, null, null), "org-1", null, JobOptions.DEFAULTS, List.of(), null),
            OrganizationProfile.empty("org-1"));
    private static final Outline OUTLINE = new Outline("Rye bread", "article",
            List.of(new Outline.Section("Why rye", List.of("flavour")), new Outline.Section("Baking it", List.of("heat"))));

    public static void main(String[] args) throws Exception {
        Path file;
        String env = System.getenv("POSTWRIGHT_BENCH_MODEL");
        if (env != null && !env.isBlank()) {
            file = Path.of(env);
        } else {
            file = Files.createTempDirectory("builtin-bench").resolve("tiny.gguf");
            GgufWriter.write(file, 42);
        }
        Machine machine = Machine.current();
        var choice = BuiltinChoice.of(file);
        RunSettings run = RunSettings.of(choice, machine);
        System.out.printf(Locale.ROOT, "%s; Java %s, %d processors, %,d MB; model %s (%,d bytes), %d threads, context %,d%n",
                java.time.Instant.now(), System.getProperty("java.version"), machine.processors(), machine.memoryBytes() >> 20, run.info().name(),
                Files.size(file), run.threads(), run.contextSize());
        long rssBefore = rssKb();
        ExecutorService workers = Executors.newCachedThreadPool();
        try {
            load(choice, machine, run);
            long rssNoModel = rssKb();
            System.out.printf(Locale.ROOT, "memory not returned by close: RSS %,d MB at start, %,d MB after %d loads and "
                            + "closes (none held), %.1f MB a load%n", rssBefore >> 10, rssNoModel >> 10, 2 * (LOAD_ROUNDS + 2),
                    (rssNoModel - rssBefore) / 1024.0 / (2 * (LOAD_ROUNDS + 2)));
            try (var loading = ModelLoading.start(choice, machine, Runnable::run);
                 var raw = rawModel(run, file)) {
                LoadedModel ours = loading.await(new CancellationToken());
                System.gc();
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "memory with ours and the raw model loaded: RSS %,d MB (+%,d MB), heap used "
                        + "%,d MB%n", rssKb() >> 10, (rssKb() - rssNoModel) >> 10, (rt.totalMemory() - rt.freeMemory()) >> 20);
                draft(ours, raw);
                cancel(ours, raw, workers);
                outline(new BuiltinModelWriter(loading, SEED), raw);
            }
        } finally {
            workers.shutdownNow();
        }
        // Each LlamaModel leaves its server thread attached to the JVM (de.kherud 4.2.0 never
        // detaches it), so the JVM would not end when main returns.
        System.exit(0);
    }

    private static void load(BuiltinChoice choice, Machine machine, RunSettings run) throws Exception {
        double[] ours = new double[LOAD_ROUNDS];
        double[] raw = new double[LOAD_ROUNDS];
        for (int r = -2; r < LOAD_ROUNDS; r++) {
            long t = System.nanoTime();
            try (var loading = ModelLoading.start(choice, machine, Runnable::run)) {
                if (!(loading.state() instanceof ModelLoading.State.Ready)) throw new IllegalStateException("" + loading.state());
                if (r >= 0) ours[r] = ms(t);
            }
            t = System.nanoTime();
            try (var model = rawModel(run, choice.file())) {
                if (r >= 0) raw[r] = ms(t);
            }
        }
        report("load (ModelLoading to Ready / new LlamaModel)", "ms", ours, raw);
    }

    /** The same settings as {@link LoadedModel#load}, through the binding alone. */
    private static LlamaModel rawModel(RunSettings run, Path file) {
        return new LlamaModel(new ModelParameters().setModel(file.toString()).setCtxSize(run.contextSize())
                .setThreads(run.threads()).setThreadsBatch(run.threads()).setParallel(1).disableContextShift()
                .setLogVerbosity(-1));
    }

    /** The sampling of {@link LoadedModel}, on the prompt it makes. */
    private static InferenceParameters rawParams(LlamaModel raw, String system, String user, int tokens, String grammar) {
        String prompt = raw.applyTemplate(new InferenceParameters("").setMessages(system, List.of(new Pair<>("user", user)))
                .setUseChatTemplate(true));
        var params = new InferenceParameters(prompt).setTemperature(0.7f).setTopP(0.9f).setRepeatPenalty(1.1f)
                .setSeed((int) SEED).setCachePrompt(false).setNPredict(tokens);
        return grammar == null ? params : params.setGrammar(grammar);
    }

    private static void draft(LoadedModel ours, LlamaModel raw) throws Exception {
        String system = Prompts.system(BRIEF);
        String user = Prompts.draft(BRIEF, OUTLINE);
        double[] firstOurs = new double[ROUNDS], firstRaw = new double[ROUNDS];
        double[] rateOurs = new double[ROUNDS], rateRaw = new double[ROUNDS];
        int tokensOurs = 0, tokensRaw = 0;
        for (int r = -WARM_UP; r < ROUNDS; r++) {
            long t = System.nanoTime();
            long[] first = {0};
            var reply = ours.generate(new LoadedModel.Ask(system, user, null, TOKENS, SEED), piece -> {
                if (first[0] == 0) first[0] = System.nanoTime();
            }, new CancellationToken());
            long end = System.nanoTime();
            tokensOurs = reply.tokens();
            if (r >= 0) {
                firstOurs[r] = (first[0] - t) / 1e6;
                rateOurs[r] = (reply.tokens() - 1) / ((end - first[0]) / 1e9);
            }
            // Raw: the prompt is templated inside the timing, as ours does it.
            t = System.nanoTime();
            long rawFirst = 0;
            int n = 0;
            for (LlamaOutput out : raw.generate(rawParams(raw, system, user, TOKENS, null))) {
                if (n++ == 0) rawFirst = System.nanoTime();
            }
            end = System.nanoTime();
            tokensRaw = n;
            if (r >= 0) {
                firstRaw[r] = (rawFirst - t) / 1e6;
                rateRaw[r] = (n - 1) / ((end - rawFirst) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "draft: %d tokens asked; ours generated %d, raw %d; prompt %,d tokens%n", TOKENS,
                tokensOurs, tokensRaw, raw.encode(raw.applyTemplate(new InferenceParameters("").setMessages(system,
                        List.of(new Pair<>("user", user))).setUseChatTemplate(true))).length);
        report("time to first token", "ms", firstOurs, firstRaw);
        report("tokens per second after the first", "tok/s", rateOurs, rateRaw);
    }

    private static void cancel(LoadedModel ours, LlamaModel raw, ExecutorService workers) throws Exception {
        String system = Prompts.system(BRIEF);
        String user = Prompts.draft(BRIEF, OUTLINE);
        double[] latency = new double[ROUNDS];
        double[] token = new double[ROUNDS];
        for (int r = -WARM_UP; r < ROUNDS; r++) {
            var cancel = new CancellationToken();
            var streamed = new CountDownLatch(CANCEL_AFTER);
            CompletableFuture<Void> drafting = CompletableFuture.runAsync(() -> {
                try {
                    ours.generate(new LoadedModel.Ask(system, user, null, 8_192, SEED), piece -> streamed.countDown(), cancel);
                } catch (dev.postwright.jobs.JobFailure e) {
                    throw new IllegalStateException(e);
                }
            }, workers);
            if (!streamed.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("no tokens");
            long t = System.nanoTime();
            cancel.cancel(CancellationToken.Reason.CANCELLED);
            try {
                drafting.get(60, TimeUnit.SECONDS);
                throw new IllegalStateException("the draft was not cancelled");
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof JobCancelledException)) throw e;
            }
            if (r >= 0) latency[r] = ms(t);
            // The floor: one token's time, from the raw API mid-draft (averaged: a single token may
            // already be waiting in the binding's queue).
            var it = (LlamaIterator) raw.generate(rawParams(raw, system, user, 8_192, null)).iterator();
            for (int i = 0; i < CANCEL_AFTER; i++) it.next();
            t = System.nanoTime();
            for (int i = 0; i < CANCEL_AFTER; i++) it.next();
            if (r >= 0) token[r] = ms(t) / CANCEL_AFTER;
            it.cancel(); // on the generating thread, where it returns
        }
        report("cancel: queue's cancel to generate's return / one raw token's time", "ms", latency, token);
    }

    private static void outline(BuiltinModelWriter writer, LlamaModel raw) throws Exception {
        String grammar = LlamaModel.jsonSchemaToGrammar(ReplySchemas.OUTLINE);
        double[] ours = new double[ROUNDS], base = new double[ROUNDS];
        int sections = 0, rawTokens = 0;
        for (int r = -WARM_UP; r < ROUNDS; r++) {
            long t = System.nanoTime();
            sections = writer.outline(BRIEF, new CancellationToken()).sections().size();
            if (r >= 0) ours[r] = ms(t);
            t = System.nanoTime();
            int n = 0;
            for (LlamaOutput out : raw.generate(rawParams(raw, Prompts.system(BRIEF), Prompts.outline(BRIEF), 4_096, grammar))) {
                n++;
            }
            rawTokens = n;
            if (r >= 0) base[r] = ms(t);
        }
        System.out.printf(Locale.ROOT, "outline: ours read %d sections; raw generated %d tokens under the same grammar%n",
                sections, rawTokens);
        report("outline as JSON under the grammar (writer.outline / raw generate)", "ms", ours, base);
    }

    /** Median, p90 (of the values sorted up), min and max of each, and ours / raw taken round by round. */
    private static void report(String what, String unit, double[] ours, double[] raw) {
        double[] ratio = new double[ours.length];
        for (int i = 0; i < ours.length; i++) ratio[i] = ours[i] / raw[i];
        System.out.printf(Locale.ROOT, "%s, %d rounds:%n  ours %s%n  raw  %s%n  ours/raw %s%n", what, ours.length,
                stats(ours, unit, "%.1f"), stats(raw, unit, "%.1f"), stats(ratio, "x", "%.2f"));
    }

    private static String stats(double[] values, String unit, String format) {
        double[] s = values.clone();
        Arrays.sort(s);
        String f = format + " " + unit;
        return String.format(Locale.ROOT, "median " + f + ", p90 " + f + ", min " + f + ", max " + f, s[s.length / 2],
                s[(int) Math.ceil(0.9 * s.length) - 1], s[0], s[s.length - 1]);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    /** This process's resident memory from /proc (Linux), or 0. */
    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (Exception e) {
            // not Linux
        }
        return 0;
    }
}
