package dev.postwright.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Postwright keeps its settings: apart from the data folder, because the data folder's
 * location is itself a setting. {@code POSTWRIGHT_CONFIG_DIR} overrides the platform's place.
 */
public final class ConfigDirectory {
    public static final String ENVIRONMENT_VARIABLE = "POSTWRIGHT_CONFIG_DIR";

    private ConfigDirectory() {}

    public static Path defaultLocation() {
        return defaultLocation(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static Path defaultLocation(Map<String, String> env, String osName, Path home) {
        String chosen = env.get(ENVIRONMENT_VARIABLE);
        if (chosen != null && !chosen.isBlank()) return Path.of(chosen);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("Postwright").resolve("Settings");
        }
        if (os.startsWith("mac")) return home.resolve("Library").resolve("Preferences").resolve("Postwright");
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("postwright");
    }
}
