import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;

/**
 * The smoke test's check of the packaged llama.cpp, run on the installed runtime with the
 * installed launcher's class path and JVM options (smoke-test.sh reads them from the app's
 * {@code Postwright.cfg}): loads the GGUF file {@code args[0]} (the tests' tiny model), generates
 * a few tokens and prints how many. Exits 1 when fewer than two came; a library that does not
 * load ends it with the loader's {@code UnsatisfiedLinkError}.
 */
public final class LlamaSmoke {
    private LlamaSmoke() {}

    public static void main(String[] args) {
        int pieces = 0;
        try (var model = new LlamaModel(new ModelParameters().setModel(args[0]).setCtxSize(512).setThreads(2).setGpuLayers(0))) {
            for (LlamaOutput ignored : model.generate(new InferenceParameters("Once upon a time").setNPredict(16).setSeed(7)))
                pieces++;
        }
        System.out.println("llama-smoke: " + pieces + " pieces generated");
        System.exit(pieces >= 2 ? 0 : 1);
    }
}
