import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What differs between the systems Postwright is packaged on: which JavaFX, SQLite and llama.cpp
 * natives to keep, where they go, which packages jpackage makes, and where things sit in an app image.
 * Everything else in {@link Packager} is the same on every system.
 */
enum Platform {
    LINUX_X64("linux", "Linux/x86_64", ".so", "lib", List.of("deb", "rpm", "tar.gz"), "linux/Postwright.png", "linux-x64"),
    MAC_ARM64("mac-aarch64", "Mac/aarch64", ".dylib", "lib", List.of("dmg"), "macos/Postwright.icns", "macos-arm64"),
    MAC_X64("mac", "Mac/x86_64", ".dylib", "lib", List.of("dmg"), "macos/Postwright.icns", "macos-x64"),
    WINDOWS_X64("win", "Windows/x86_64", ".dll", "bin", List.of("msi", "zip"), "windows/Postwright.ico", "windows-x64");

    /** The classifier of OpenJFX's per-platform jars on Maven Central. */
    final String javafxClassifier;
    /**
     * The folder of this platform's library inside sqlite-jdbc's jar (under {@code org/sqlite/native/})
     * and java-llama.cpp's (under {@code de/kherud/llama/}): its loader is sqlite-jdbc's, OS and arch
     * names included.
     */
    final String jniDir;
    final String nativeSuffix;
    /** Where native libraries go in a runtime image, so that {@code System.loadLibrary} finds them. */
    final String runtimeNativeDir;
    /** jpackage's package types, and the archive of the app image (tar.gz or zip). */
    final List<String> packageTypes;
    /** The icon jpackage takes, relative to {@code installer/}. */
    final String icon;
    /** How release files are named: {@code postwright-0.1.0-linux-x64.tar.gz}. */
    final String releaseName;

    Platform(String javafxClassifier, String jniDir, String nativeSuffix, String runtimeNativeDir,
             List<String> packageTypes, String icon, String releaseName) {
        this.javafxClassifier = javafxClassifier;
        this.jniDir = jniDir;
        this.nativeSuffix = nativeSuffix;
        this.runtimeNativeDir = runtimeNativeDir;
        this.packageTypes = packageTypes;
        this.icon = icon;
        this.releaseName = releaseName;
    }

    static Platform current() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        if (os.startsWith("linux") && x64) return LINUX_X64;
        if (os.startsWith("mac")) return arch.equals("aarch64") ? MAC_ARM64 : MAC_X64;
        if (os.startsWith("windows") && x64) return WINDOWS_X64;
        throw new Packager.PackagingException("Postwright is not packaged for " + os + " on " + arch + " yet.");
    }

    /** The file name of sqlite-jdbc's native library on this platform. */
    String sqliteLibrary() {
        return library("sqlitejdbc");
    }

    /** The file name of java-llama.cpp's JNI library (llama.cpp linked in) on this platform. */
    String llamaLibrary() {
        return library("jllama");
    }

    /** What {@code System.mapLibraryName(name)} gives on this platform. */
    private String library(String name) {
        return this == WINDOWS_X64 ? name + ".dll" : "lib" + name + nativeSuffix;
    }

    /** The app image jpackage makes in {@code dest} for an app called {@code name}. */
    Path appImage(Path dest, String name) {
        return dest.resolve(isMac() ? name + ".app" : name);
    }

    /** The launcher in an app image. */
    Path launcher(Path image, String name) {
        return switch (this) {
            case LINUX_X64 -> image.resolve("bin").resolve(name);
            case MAC_ARM64, MAC_X64 -> image.resolve("Contents/MacOS").resolve(name);
            case WINDOWS_X64 -> image.resolve(name + ".exe");
        };
    }

    /** The folder of the app's jars (jpackage's {@code $APPDIR}) in an app image. */
    Path appDir(Path image) {
        return switch (this) {
            case LINUX_X64 -> image.resolve("lib/app");
            case MAC_ARM64, MAC_X64 -> image.resolve("Contents/app");
            case WINDOWS_X64 -> image.resolve("app");
        };
    }

    /** The {@code java} of the runtime inside an app image. */
    Path runtimeJava(Path image) {
        return switch (this) {
            case LINUX_X64 -> image.resolve("lib/runtime/bin/java");
            case MAC_ARM64, MAC_X64 -> image.resolve("Contents/runtime/Contents/Home/bin/java");
            case WINDOWS_X64 -> image.resolve("runtime/bin/java.exe");
        };
    }

    boolean isLinux() {
        return this == LINUX_X64;
    }

    boolean isMac() {
        return this == MAC_ARM64 || this == MAC_X64;
    }
}
