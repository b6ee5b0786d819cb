package dev.postwright.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Postwright keeps its database when the writer has not chosen a folder: the platform's
 * usual place for application data, or {@code POSTWRIGHT_DATA_DIR} when set.
 */
public final class DataDirectory {
    public static final String ENVIRONMENT_VARIABLE = "POSTWRIGHT_DATA_DIR";
    public static final String DATABASE_FILE = "postwright.db";

    private DataDirectory() {}

    public static Path defaultLocation() {
        return defaultLocation(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /** The default folder for the given environment, operating system name and home folder. */
    static Path defaultLocation(Map<String, String> env, String osName, Path home) {
        String chosen = env.get(ENVIRONMENT_VARIABLE);
        if (chosen != null && !chosen.isBlank()) return Path.of(chosen);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("Postwright");
        }
        if (os.startsWith("mac")) return home.resolve("Library").resolve("Application Support").resolve("Postwright");
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("postwright");
    }

    public static Path databaseIn(Path folder) {
        return folder.resolve(DATABASE_FILE);
    }
}
