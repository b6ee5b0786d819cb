import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the AOT cache (JDK 24+, JEP 483 and 515) that the installed launcher starts from: the
 * classes a start loads, already parsed and linked, with their method profiles. It comes from
 * one training run of a real app image's own launcher, so its class path is the package's: the
 * window opens on a fresh library, paints, makes its preview and quits by itself
 * ({@code --quit-when-shown}). The JVM writes the cache when the app exits.
 *
 * <p>The launcher of the final image reads it with {@code -XX:AOTCache}. A cache the JVM cannot
 * use (another JDK, changed jars, a damaged file) is ignored and the app starts without it.
 */
final class AotTraining {
    static final String CACHE = "postwright.aot";

    private final Platform platform;
    private final Path image;
    private final Path work;

    AotTraining(Platform platform, Path image, Path work) {
        this.platform = platform;
        this.image = image;
        this.work = work;
    }

    /** Runs the training and returns the cache it wrote into {@code folder}. */
    Path writeCacheInto(Path folder) throws IOException, InterruptedException {
        Path training = Packager.fresh(work.resolve("training"));
        Path cache = folder.resolve(CACHE);
        Files.deleteIfExists(cache);
        List<String> command = new ArrayList<>();
        if (platform.isLinux() && System.getenv("DISPLAY") == null) command.addAll(virtualDisplay());
        command.addAll(List.of(platform.launcher(image, Packager.NAME).toString(), "--quit-when-shown",
                "--data-dir", training.resolve("data").toString()));
        Processes.run(command, Map.of(
                "JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=" + cache.toAbsolutePath(),
                "POSTWRIGHT_CONFIG_DIR", training.resolve("config").toString()), work.resolve("training.log"));
        if (!Files.isRegularFile(cache))
            throw new Packager.PackagingException("The training run ended without writing " + cache + "; see " + work.resolve("training.log"));
        System.out.printf("AOT cache: %.1f MB from a training run of the app%n", Files.size(cache) / 1e6);
        return cache;
    }

    /** The window needs a display; on a machine without one (CI), a virtual one. */
    private static List<String> virtualDisplay() {
        if (Processes.onPath("xvfb-run")) return List.of("xvfb-run", "-a", "-s", "-screen 0 1440x900x24");
        throw new Packager.PackagingException("The AOT training run opens the app's window, and there is no display: "
                + "run the build in a desktop session, or install xvfb (apt-get install xvfb xauth).");
    }
}
