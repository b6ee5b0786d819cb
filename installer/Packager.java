import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds Postwright's native packages for the system it runs on, with the JDK that runs it
 * (Maven's toolchain JDK): {@code mvn -B -Pinstaller package} runs it as a source program.
 *
 * <ol>
 *   <li>The app's jars, without duplicates: the thin app jar and its dependencies; JavaFX's jars
 *       become modules of the runtime, their natives go beside the runtime's own; sqlite-jdbc
 *       and java-llama.cpp keep only this platform's library, in the app folder.</li>
 *   <li>A runtime image made by jlink from the module list in the pom.</li>
 *   <li>An app image made by jpackage for a training run that writes the AOT cache
 *       ({@link AotTraining}), then the app image that ships, with the cache and a launcher that
 *       uses it.</li>
 *   <li>The native packages from that app image, and the app image itself as an archive.</li>
 * </ol>
 *
 * Options are {@code --name=value}: version; types (blank for all of this system's, app-image
 * for the app image alone, in work/image); app-jar; classpath (the runtime dependencies, as
 * Maven resolved them); modules; work; out; resources (installer/); reuse ({@code true}: when
 * work/ holds an earlier run's jars, runtime and AOT cache for the same app jar, only the app
 * image and the packages are made again, e.g. for the same app under a newer version). Fails
 * with a sentence and a non-zero exit when a step fails.
 */
public final class Packager {
    static final String NAME = "Postwright";
    static final String MAIN_CLASS = "dev.postwright.Postwright";
    static final String APP_JAR = "postwright.jar";
    /** The type that stops at the app image (work/image), for trying a change quickly. */
    static final String APP_IMAGE = "app-image";
    /**
     * The folder of the app folder that holds java-llama.cpp's library and nothing else: its loader
     * loads from there ({@code de.kherud.llama.lib.path}) and, at first use, deletes files named
     * {@code llama*} or {@code jllama*} from its temporary folder, which is pointed there too
     * ({@code de.kherud.llama.tmpdir}) so that it neither lists nor deletes anything in {@code /tmp}.
     */
    static final String LLAMA_DIR = "llama";
    private static final String LLAMA_NATIVES = "de/kherud/llama/";

    private final Platform platform = Platform.current();
    private final Map<String, String> options;
    private final Path work;
    private final Path out;
    private final Path resources;
    private final String version;

    private Packager(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(option("work"));
        this.out = Path.of(option("out"));
        this.resources = Path.of(option("resources"));
        this.version = packageVersion(option("version"));
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < 25) {
            System.err.println("Packaging needs JDK 25 or newer (for its AOT cache); this is " + Runtime.version() + ".");
            System.exit(1);
        }
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) throw new IllegalArgumentException("Expected --name=value, got " + arg);
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        try {
            new Packager(options).run();
        } catch (PackagingException e) {
            System.err.println("Packaging failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() throws IOException, InterruptedException {
        Path input = work.resolve("input");
        Path runtime = work.resolve("runtime");
        if (canReuse(input, runtime)) {
            // The same jars, untouched since the training run, so its AOT cache still applies.
            System.out.println("Reusing the jars, runtime and AOT cache in " + work + " (--reuse=true).");
        } else {
            fresh(input);
            Path modules = fresh(work.resolve("modules"));
            Path natives = fresh(work.resolve("natives"));
            sortJars(input, modules, natives);
            runtime(modules, natives);
            Path trainingImage = appImage(input, runtime, "training-image", List.of());
            new AotTraining(platform, trainingImage, work).writeCacheInto(input);
        }
        Path image = appImage(input, runtime, "image", List.of("-XX:AOTCache=$APPDIR/" + AotTraining.CACHE));
        Files.createDirectories(out);
        for (String type : types()) {
            if (type.equals("tar.gz") || type.equals("zip")) archive(image, type);
            else if (!type.equals(APP_IMAGE)) nativePackage(type, image);
        }
        report();
    }

    /** Whether --reuse=true was asked and work/ holds a whole earlier run for this very app jar. */
    private boolean canReuse(Path input, Path runtime) throws IOException {
        if (!"true".equals(options.get("reuse"))) return false;
        Path earlierJar = input.resolve(APP_JAR);
        boolean whole = Files.isRegularFile(input.resolve(AotTraining.CACHE)) && Files.isDirectory(runtime.resolve("bin"))
                && Files.isRegularFile(earlierJar) && Files.mismatch(earlierJar, Path.of(option("app-jar"))) == -1;
        if (!whole) System.out.println("Nothing to reuse in " + work + " for this app jar: building it all.");
        return whole;
    }

    /** The types asked for with --types=deb,rpm, or all of this platform's. */
    private List<String> types() {
        String asked = options.getOrDefault("types", "");
        if (asked.isBlank()) return platform.packageTypes;
        List<String> types = List.of(asked.split(","));
        for (String type : types)
            if (!platform.packageTypes.contains(type) && !type.equals(APP_IMAGE)) throw new PackagingException("This system makes "
                    + String.join(", ", platform.packageTypes) + " packages, not " + type + ".");
        return types;
    }

    /** jpackage takes numbers only: 0.1.0-SNAPSHOT is packaged as 0.1.0. */
    static String packageVersion(String projectVersion) {
        String numbers = projectVersion.replaceFirst("[-+].*$", "");
        if (!numbers.matches("\\d+(\\.\\d+){0,3}")) throw new PackagingException("The version " + projectVersion
                + " cannot be a package version: give numbers like 1.2.3 (-Dinstaller.version=1.2.3).");
        return numbers;
    }

    private void sortJars(Path input, Path modules, Path natives) throws IOException {
        Path appJar = Path.of(option("app-jar"));
        if (Jars.contains(appJar, "javafx/application/Application.class")) throw new PackagingException(appJar
                + " holds JavaFX: it is the shaded jar, not the app's own. Build again with mvn -Pinstaller package.");
        Files.copy(appJar, input.resolve(APP_JAR));
        String fxSuffix = "-" + platform.javafxClassifier + ".jar";
        String sqliteLibrary = "org/sqlite/native/" + platform.jniDir + "/" + platform.sqliteLibrary();
        String llamaLibrary = LLAMA_NATIVES + platform.jniDir + "/" + platform.llamaLibrary();
        Path llamaFolder = input.resolve(LLAMA_DIR);
        for (String path : option("classpath").split(File.pathSeparator)) {
            Path jar = Path.of(path);
            String name = jar.getFileName().toString();
            if (name.startsWith("javafx-")) {
                // OpenJFX publishes an empty jar beside each platform's; only the platform's has classes.
                if (!name.endsWith(fxSuffix)) continue;
                Jars.copyWithout(jar, modules.resolve(name), entry -> !entry.endsWith(platform.nativeSuffix),
                        (entry, bytes) -> Jars.extract(bytes, natives.resolve(entry)));
            } else if (name.startsWith("sqlite-jdbc-")) {
                Jars.copyWithout(jar, input.resolve(name), entry -> !entry.startsWith("org/sqlite/native/"),
                        (entry, bytes) -> {
                            if (entry.equals(sqliteLibrary)) Jars.extract(bytes, input.resolve(platform.sqliteLibrary()));
                        });
            } else if (name.startsWith("llama-") && Jars.contains(jar, "de/kherud/llama/LlamaModel.class")) {
                Jars.copyWithout(jar, input.resolve(name), entry -> !isLlamaNative(entry),
                        (entry, bytes) -> {
                            if (entry.equals(llamaLibrary)) Jars.extract(bytes, llamaFolder.resolve(platform.llamaLibrary()));
                        });
            } else {
                Files.copy(jar, input.resolve(name));
            }
        }
        if (!Files.exists(input.resolve(platform.sqliteLibrary())))
            throw new PackagingException("sqlite-jdbc has no library for " + platform.jniDir + ".");
        if (!Files.exists(llamaFolder.resolve(platform.llamaLibrary())))
            throw new PackagingException("java-llama.cpp (de.kherud:llama) has no library for " + platform.jniDir
                    + ": the built-in model could not run.");
    }

    /**
     * Whether a jar entry is one of java-llama.cpp's natives: everything in its OS folders
     * ({@code de/kherud/llama/Linux/x86_64/libjllama.so}, {@code Windows/}, {@code Mac/},
     * {@code Linux-Android/}), which start with a capital, unlike its packages ({@code args/}).
     */
    static boolean isLlamaNative(String entry) {
        return entry.startsWith(LLAMA_NATIVES) && entry.indexOf('/', LLAMA_NATIVES.length()) > 0
                && Character.isUpperCase(entry.charAt(LLAMA_NATIVES.length()));
    }

    private Path runtime(Path modules, Path natives) throws IOException {
        Path runtime = work.resolve("runtime");
        delete(runtime);
        tool("jlink", "--module-path", modules.toString(), "--add-modules", option("modules"),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--output", runtime.toString());
        // Where JavaFX's own runtime images keep them: System.loadLibrary finds them without extracting anything.
        try (Stream<Path> libraries = Files.list(natives)) {
            for (Path library : libraries.toList())
                Files.copy(library, runtime.resolve(platform.runtimeNativeDir).resolve(library.getFileName()));
        }
        return runtime;
    }

    /** An app image in {@code work/folder}, its launcher given {@code extraJavaOptions} too. */
    private Path appImage(Path input, Path runtime, String folder, List<String> extraJavaOptions) throws IOException {
        Path dest = fresh(work.resolve(folder));
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--dest", dest.toString(),
                "--input", input.toString(), "--main-jar", APP_JAR, "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(), "--icon", resources.resolve(platform.icon).toString()));
        args.addAll(identity());
        for (String option : javaOptions()) args.addAll(List.of("--java-options", option));
        for (String option : extraJavaOptions) args.addAll(List.of("--java-options", option));
        // The icon in the theme's sizes, for the packages' scripts to install (lib/icons in the image).
        if (platform.isLinux()) args.addAll(List.of("--app-content", resources.resolve("linux/icons").toString()));
        if (platform == Platform.WINDOWS_X64) {
            // A second launcher with a console, so generate/jobs/serve print where they were typed.
            args.addAll(List.of("--add-launcher", "postwright-cli=" + resources.resolve("windows/console-launcher.properties")));
        }
        if (platform.isMac()) args.addAll(List.of("--mac-package-identifier", "dev.postwright.app"));
        tool("jpackage", args.toArray(String[]::new));
        return platform.appImage(dest, NAME);
    }

    /** The launcher's JVM options; {@code $APPDIR} is the app folder, filled in by the launcher. */
    private List<String> javaOptions() {
        return List.of(
                // JavaFX, SQLite and llama.cpp load native code; saying so keeps JDK 24+ from warning on every start.
                "--enable-native-access=ALL-UNNAMED,javafx.graphics,javafx.media,javafx.web",
                // JavaFX 21's Marlin renderer uses sun.misc.Unsafe's memory methods.
                "--sun-misc-unsafe-memory-access=allow",
                // sqlite-jdbc loads the library that ships in the app folder instead of extracting one to /tmp.
                "-Dorg.sqlite.lib.path=$APPDIR", "-Dorg.sqlite.lib.name=" + platform.sqliteLibrary(),
                // The same for llama.cpp (decision 0039): its loader looks in lib.path first, and
                // its temporary folder, which it cleans at first use, is that folder, not /tmp.
                "-Dde.kherud.llama.lib.path=$APPDIR/" + LLAMA_DIR, "-Dde.kherud.llama.tmpdir=$APPDIR/" + LLAMA_DIR,
                // A cache the JVM cannot use is skipped; this keeps its reasons off stdout, where
                // `generate --events` writes JSON. -Xlog:aot=info:file=… still shows them.
                "-Xlog:aot*=off");
    }

    private List<String> identity() {
        return List.of("--name", NAME, "--app-version", version, "--vendor", "Postwright",
                "--description", "Turns a writer's brief into a finished blog post",
                "--copyright", "Copyright the Postwright authors");
    }

    private void nativePackage(String type, Path image) throws IOException {
        List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", image.toString(), "--dest", out.toString()));
        args.addAll(identity());
        switch (platform) {
            case LINUX_X64 -> args.addAll(List.of("--linux-package-name", "postwright", "--linux-shortcut",
                    "--linux-menu-group", "Office", "--linux-app-category", type.equals("deb") ? "editors" : "Applications/Editors",
                    "--linux-deb-maintainer", "team@postwright.dev",
                    "--resource-dir", resources.resolve("linux/resources").toString()));
            case WINDOWS_X64 -> args.addAll(List.of("--win-menu", "--win-menu-group", NAME, "--win-shortcut",
                    "--win-dir-chooser", "--win-upgrade-uuid", "3f0c1b2e-7d55-4c1e-9a8b-5f2d6c9e4a71"));
            case MAC_ARM64, MAC_X64 -> args.addAll(List.of("--mac-package-identifier", "dev.postwright.app"));
        }
        tool("jpackage", args.toArray(String[]::new));
    }

    /** The app image as a portable archive: unpack anywhere and start the launcher inside. */
    private void archive(Path image, String type) throws IOException, InterruptedException {
        String file = out.resolve("postwright-" + version + "-" + platform.releaseName + "." + type).toString();
        // tar keeps the launcher's execute bit; Windows' tar (bsdtar) writes a zip with -a.
        List<String> command = type.equals("zip")
                ? List.of("tar", "-a", "-c", "-f", file, "-C", image.getParent().toString(), NAME)
                : List.of("tar", "-c", "-z", "-f", file, "-C", image.getParent().toString(), NAME);
        Processes.run(command, work.resolve("archive.log"));
    }

    private void report() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.sorted().toList())
                System.out.printf("%-50s %6.1f MB%n", file.getFileName(), Files.size(file) / 1e6);
        }
    }

    private static void tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new PackagingException(
                "This JDK has no " + name + ": package with a full JDK 25 or newer."));
        System.out.println("> " + name + " " + String.join(" ", args));
        int exit = tool.run(System.out, System.err, args);
        if (exit != 0) throw new PackagingException(name + " failed with exit code " + exit + " (its output is above).");
    }

    private String option(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) throw new PackagingException("Missing option --" + name + "=…");
        return value;
    }

    static Path fresh(Path folder) throws IOException {
        delete(folder);
        return Files.createDirectories(folder);
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A step that cannot go on; its message is a sentence for whoever runs the build. */
    static final class PackagingException extends RuntimeException {
        PackagingException(String message) {
            super(message);
        }
    }
}
